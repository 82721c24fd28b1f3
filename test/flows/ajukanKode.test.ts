import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { twoGovernments } from '../helpers/lintasInstansi';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const texts = (user: TestUser) => bot.inbox(user).map(messageText);
const MOTIVASI = 'Saya berpengalaman mengolah data statistik sektoral selama lima tahun';

async function smallBot(change: (organisation: ReturnType<typeof smallOrganisation>) => void = () => {}) {
  bot = await TestBot.start();
  const organisation = smallOrganisation('SMD');
  change(organisation);
  return loadOrganisation(bot, organisation);
}

describe('/ajukan with a team named by its code (issue 6 item 3)', () => {
  it('asks to join the team named after the command, in any letter case, and the request goes its way', async () => {
    const org = await smallBot();
    const applicant = await org.link(NIP.pelaksana);
    await bot.as(applicant).command('ajukan', 'tim-stat');
    expect(bot.lastText(applicant)).toMatch(/^Tim Statistik Sektoral, unit pemilik kinerja Bidang Statistik\. Kompetensi yang dibutuhkan: statistik\./);
    await bot.as(applicant).say(MOTIVASI);
    await bot.as(applicant).press('Kirim');
    const request = await bot.db.penugasan.findFirstOrThrow({ include: { tim: true } });
    expect(request).toMatchObject({ mode: 'PENGAJUAN_SUKARELA', pegawaiId: applicant.pegawaiId, status: 'SUBMITTED' });
    expect(request.tim!.code).toBe('TIM-STAT');
  });

  it('takes a code typed instead of a button; an unknown one is answered and the choice stays open', async () => {
    const org = await smallBot();
    const applicant = await org.link(NIP.pfPertama);
    await bot.as(applicant).command('ajukan', 'TIM-SALAH');
    expect(texts(applicant).slice(-2)).toEqual([
      'Tim kerja dengan kode TIM-SALAH tidak ditemukan. Periksa kodenya (untuk tim instansi lain: KODEINSTANSI/KODETIM), atau pilih dari daftar.',
      'Pilih tim kerja yang ingin Bapak/Ibu ikuti, atau ketik kode timnya:',
    ]);
    await bot.as(applicant).say('TIM-TIDAK-ADA');
    expect(bot.lastText(applicant)).toBe('Tim kerja dengan kode TIM-TIDAK-ADA tidak ditemukan. Periksa kodenya (untuk tim instansi lain: KODEINSTANSI/KODETIM), atau pilih dari daftar.');
    await bot.as(applicant).say('TIM-DATA');
    expect(bot.lastText(applicant)).toMatch(/^Tim Satu Data, unit pemilik kinerja Bidang Aplikasi Informatika\./);
  });

  it('tells why a named team cannot be asked for: closed to volunteers, ended, or already joined; nothing is created', async () => {
    const org = await smallBot((organisation) => {
      organisation.timKerja[1]!.terbukaSukarela = false;
      organisation.timKerja.push({ ...organisation.timKerja[1]!, kode: 'TIM-LAMA', nama: 'Tim Lama', mulai: '2026-01-01', selesai: '2026-06-30', terbukaSukarela: true, anggota: [] });
    });
    const pelaksana = await org.link(NIP.pelaksana);
    await bot.as(pelaksana).command('ajukan', 'TIM-STAT');
    expect(texts(pelaksana).at(-2)).toBe('Tim Statistik Sektoral (Bidang Statistik) tidak dibuka untuk pengajuan sukarela. Bapak/Ibu dapat menyampaikan minat kepada pimpinan unit pemilik kinerjanya.');
    await bot.as(pelaksana).command('ajukan', 'TIM-LAMA');
    expect(texts(pelaksana).at(-2)).toBe('Tim Lama (Bidang Statistik) sudah berakhir pada 30 Juni 2026.');
    await bot.as(pelaksana).command('ajukan', 'TIM-DATA');
    expect(texts(pelaksana).at(-2)).toBe('Bapak/Ibu sudah menjadi anggota Tim Satu Data (Bidang Aplikasi Informatika).');
    // The open teams follow each answer (here none is left to join); nothing was sent.
    expect(bot.lastText(pelaksana)).toBe('Saat ini tidak ada tim kerja yang terbuka untuk pengajuan sukarela.');
    expect(await bot.db.penugasan.count()).toBe(0);
  });
});

describe('no voluntary request to another government (AC-40)', () => {
  it('refuses a team of another instansi with the words of the applicant\'s own regulation, logs it and changes nothing', async () => {
    const started = await twoGovernments('SMD', 'KRA');
    bot = started.bot;
    const applicant = await started.org.link(NIP.pelaksana);
    await bot.as(applicant).command('ajukan', 'kab-seberang/TIM-DATA');
    expect(bot.lastText(applicant)).toBe([
      'Tim kerja dengan kode kab-seberang/TIM-DATA milik Pemerintah Kabupaten Seberang. Pengajuan sukarela hanya dapat dilakukan di dalam instansi pemerintah Bapak/Ibu sendiri. '
      + '"Pengajuan sukarela hanya dapat dilakukan di dalam unit organisasi Pejabat Fungsional bersangkutan dan lintas unit organisasi di dalam Instansi Pemerintah bersangkutan." (000-SMD Lamp. BAB II.B.10.b)',
      '',
      'Bapak/Ibu dapat dilibatkan dalam tim tersebut melalui penunjukan lintas instansi, atas permohonan pimpinan unit pemilik kinerjanya kepada Pejabat yang Berwenang.',
    ].join('\n'));
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED', rule: 'WF-5', actorId: applicant.pegawaiId } })).toMatchObject({ details: expect.stringContaining('pengajuan.timInstansiLain') });

    // The other way round, typed at the list: Karanganyar's words, and the list stays open.
    const other = started.seberang.analis;
    await bot.as(other).command('ajukan');
    await bot.as(other).say('kota-uji/TIM-STAT');
    expect(bot.lastText(other)).toMatch(/^Tim kerja dengan kode kota-uji\/TIM-STAT milik Pemerintah Kota Uji\. .*"Pengajuan sukarela hanya dapat dilakukan di dalam Unit Organisasi Pejabat Fungsional bersangkutan dan lintas Unit Organisasi pada Pemerintah Daerah\." \(004-KRA Lamp\. B\.2\.b\)/);
    await bot.as(other).press(/^Tim Statistik Sektoral/);
    expect(bot.lastText(other)).toMatch(/^Tim Statistik Sektoral, unit pemilik kinerja Bidang Statistik\./);
    expect(await bot.db.penugasan.count()).toBe(0);
  });

  it('where the regulation is silent (Magelang), the refusal names the instansi\'s policy, not a rule of law', async () => {
    const started = await twoGovernments('MGL', 'SMD');
    bot = started.bot;
    const applicant = await started.org.link(NIP.pelaksana);
    await bot.as(applicant).command('ajukan', 'KAB-SEBERANG/tim-data');
    expect(bot.lastText(applicant)).toMatch(/^Tim kerja dengan kode KAB-SEBERANG\/tim-data milik Pemerintah Kabupaten Seberang\. Pengajuan sukarela hanya dapat dilakukan di dalam instansi pemerintah Bapak\/Ibu sendiri\. \(kebijakan instansi \(Perwali mengatur pengajuan sukarela di dalam dan lintas Perangkat Daerah saja, Lamp\. II\.B\)\)\n/);
  });
});
