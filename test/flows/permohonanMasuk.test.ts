import { afterEach, describe, expect, it } from 'vitest';
import { messageText, type TestBot } from '../helpers/botHarness';
import { documentsOf } from '../helpers/involvement';
import { askAcrossInstansi, askedAndInstructed, instructAptika, namePranata, SEBERANG, twoGovernments } from '../helpers/lintasInstansi';
import { NIP } from '../fixtures/smallOrganisation';
import { tickAt } from '../scheduler/schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const statuses = async () => Object.fromEntries((await bot.db.pelibatanLintasInstansi.findMany()).map((r) => [r.direction, r.status]));
const texts = (user: Parameters<TestBot['inbox']>[0]) => bot.inbox(user).map(messageText);

describe('a request between two governments that both run timkerja (WF-3 mirrored)', () => {
  it('arrives as the other government\'s own request; its PyB, unit head and letters answer it, and each step is recorded on the requesting side', async () => {
    const started = await twoGovernments('SMD', 'SMD');
    bot = started.bot;
    const { requester, pyb, ketua, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang \(memakai timkerja\)$/ });
    expect(await statuses()).toEqual({ KELUAR: 'SUBMITTED_TO_OWN_PYB' });
    // Nothing reaches the other government before our PyB agrees (AC-22).
    expect(bot.inbox(seberang.pyb)).toHaveLength(1); // the link confirmation only
    await bot.as(pyb).press('Setujui dan teruskan');
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'RECEIVED' });
    expect(bot.lastText(pyb)).toMatch(/diterima langsung oleh Pemerintah Kabupaten Seberang, yang juga memakai timkerja/);
    expect(texts(requester)).toContainEqual(`Permohonan lintas instansi nomor 1 telah diterima ${SEBERANG} sebagai permohonan masuk di timkerja mereka. Setiap langkah mereka akan tercatat di sini.`);
    // Their PyB gets our PyB's letter and the request card under their own profile's rule.
    expect((await documentsOf(bot, seberang.pyb)).map((d) => d.fileName)).toEqual(['permohonan-antar-instansi-0002-SETDA-2026.pdf']);
    const card = texts(seberang.pyb).find((t) => t.startsWith('Permohonan masuk nomor 1 dari Pemerintah Kota Uji (surat nomor 0002/SETDA/2026)'))!;
    expect(card).toContain('Jumlah: 2 orang');
    expect(card).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.a.iii angka 3');
    // Our PyB has no say over their request: refused, audited, nothing moves.
    expect((await bot.as(pyb).press('Setujui', seberang.pyb)).status).toBe('refused');
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7', actorId: await started.org.idOf(NIP.sekda) } })).toBe(1);
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'RECEIVED' });

    await instructAptika(bot, seberang.pyb);
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'TARGET_INSTRUCTED_PENILAI' });
    // Samarinda's requesting side has no event for the instruction: its requester just hears of it.
    expect(bot.lastText(requester)).toBe(`Kabar dari ${SEBERANG} atas permohonan lintas instansi nomor 1: Pejabat yang Berwenang di sana menyetujui dan menginstruksikan Pejabat Penilai Kinerja untuk menjawab ketersediaan pegawai.`);

    // Only the instructed unit's head answers; their Kepala Dinas may not.
    expect((await bot.as(seberang.kadis).press('Tunjuk pegawai', seberang.kabidAptika)).status).toBe('refused');
    await bot.as(seberang.kabidAptika).press('Tunjuk pegawai');
    expect(bot.lastText(seberang.kabidAptika)).toContain('1. Analis Madya Uji (Jabatan Analis Madya Uji)\n2. Pranata Muda Uji (Jabatan Pranata Muda Uji)');
    await bot.as(seberang.kabidAptika).say('1, 2, 3');
    expect(bot.lastText(seberang.kabidAptika)).toBe('Nomor tidak dikenali. Tuliskan nomor urut dari daftar, dipisahkan koma, paling banyak 2 orang.');
    await bot.as(seberang.kabidAptika).say('2');
    await bot.as(seberang.kabidAptika).press('Kirim');
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'AVAILABILITY_ANSWERED' });

    // Their PyB approves the answer: the surat jawaban with its list goes to our PyB and the requester, and is recorded here.
    expect(texts(seberang.pyb).at(-1)).toContain('Pegawai yang ditugaskan:\n1. Pranata Muda Uji, NIP 198505052010011005');
    await bot.as(seberang.pyb).press('Setujui');
    expect(await statuses()).toEqual({ KELUAR: 'ANSWER_RECEIVED_BY_OWN_PYB', MASUK: 'ANSWER_APPROVED_BY_TARGET_PYB' });
    const jawaban = (await documentsOf(bot, requester)).find((d) => d.fileName.startsWith('jawaban-antar-instansi'))!;
    expect(jawaban.text.replace(/\s+/g, ' ')).toContain('Pranata Muda Uji');
    expect((await documentsOf(bot, pyb)).map((d) => d.fileName)).toContain(jawaban.fileName);
    const recorded = await bot.db.peristiwaLintasInstansi.findFirstOrThrow({ where: { kind: 'JAWABAN_TERSEDIA', pelibatan: { direction: 'KELUAR' } } });
    expect(recorded.suratId).not.toBeNull();

    await bot.as(seberang.kabidAptika).press('Terbitkan surat penugasan');
    expect(await statuses()).toEqual({ KELUAR: 'ASSIGNMENT_ISSUED', MASUK: 'ASSIGNMENT_ISSUED' });
    const penugasan = (await documentsOf(bot, seberang.pranata)).find((d) => d.fileName.startsWith('surat-penugasan'))!;
    const letter = penugasan.text.replace(/\s+/g, ' ');
    expect(letter).toContain('SURAT PENUGASAN');
    expect(letter).toContain('Pranata Muda Uji, NIP 198505052010011005');
    expect(letter).toContain('Bidang Statistik, Dinas Komunikasi dan Informatika, Pemerintah Kota Uji');
    expect(letter).toMatch(/Tembusan.*Pejabat yang Berwenang pada Pemerintah Kabupaten Seberang.*Pejabat yang Berwenang pada Pemerintah Kota Uji/);
    expect((await documentsOf(bot, requester)).map((d) => d.fileName)).toContain(penugasan.fileName);
    expect(texts(ketua)).toContainEqual(expect.stringMatching(/^Pegawai dari Pemerintah Kabupaten Seberang ditugaskan dalam Tim Statistik Sektoral[\s\S]*Pranata Muda Uji/));
    // The other government's letters stay retrievable for the requester with /surat, as DOCX too.
    await bot.as(requester).command('surat');
    // (Numbered by their government's own agenda: Kabupaten Seberang's first letter.)
    expect(bot.lastText(requester)).toContain('- Surat jawaban permohonan pelibatan lintas instansi nomor 0001/SETDA/2026');
    await bot.as(requester).press('DOCX 0001/SETDA/2026');
    expect(bot.inbox(requester).at(-1)).toMatchObject({ kind: 'document', fileName: 'jawaban-antar-instansi-0001-SETDA-2026.docx' });
  });

  it('their PyB sends an answer back; the card of the first answer cannot approve the second, and "none available" goes out over the PyB\'s signature', async () => {
    const started = await twoGovernments('SMD', 'SMD');
    bot = started.bot;
    const { requester, pyb, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await bot.as(pyb).press('Setujui dan teruskan');
    await instructAptika(bot, seberang.pyb);
    await namePranata(bot, seberang.kabidAptika);
    const firstAnswerCard = bot.findButton(seberang.pyb, 'Setujui');
    await bot.as(seberang.pyb).press('Tolak');
    await bot.as(seberang.pyb).say('Mohon ditugaskan pegawai yang lebih senior');
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'TARGET_INSTRUCTED_PENILAI' });
    expect(texts(seberang.kabidAptika)).toContainEqual('Jawaban atas permohonan masuk nomor 1 dikembalikan oleh Pejabat yang Berwenang untuk dijawab ulang. Alasan: Mohon ditugaskan pegawai yang lebih senior');
    await bot.as(seberang.kabidAptika).press('Tidak tersedia');
    await bot.as(seberang.kabidAptika).say('Pejabat senior sedang menjadi tim audit BPK');
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'UNAVAILABILITY_ANSWERED' });
    // The old card (Pranata named) must not approve the new answer.
    await bot.as(seberang.pyb).pressToken(firstAnswerCard);
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB', MASUK: 'UNAVAILABILITY_ANSWERED' });
    expect(texts(seberang.pyb).at(-2)).toContain('Alasan: Pejabat senior sedang menjadi tim audit BPK');
    await bot.as(seberang.pyb).press('Setujui');
    expect(await statuses()).toEqual({ KELUAR: 'NOT_AVAILABLE', MASUK: 'NOT_AVAILABLE' });
    const jawaban = (await documentsOf(bot, requester)).find((d) => d.fileName.startsWith('jawaban-antar-instansi'))!;
    expect(jawaban.text.replace(/\s+/g, ' ')).toMatch(/tidak tersedia untuk dilibatkan.*Alasan: Pejabat senior sedang menjadi tim audit BPK/);
    expect(jawaban.text).toMatch(/NIP\.? ?196809091995031009/); // signed by their PyB
  });

  it('reminds whoever holds a step here after two working days, and their superior after four; a wait for the other government reminds nobody (S2)', async () => {
    const started = await twoGovernments('SMD', 'SMD');
    bot = started.bot;
    const { requester, pyb, kadis, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await tickAt(bot, '2026-11-25T02:00:00Z');
    expect(bot.lastText(pyb)).toBe('Pengingat: permohonan lintas instansi nomor 1 (Pemerintah Kabupaten Seberang) menunggu langkah Bapak/Ibu sejak 23 November 2026 (2 hari kerja). Pesannya ada di atas; keputusan tetap di tangan Bapak/Ibu.');
    await tickAt(bot, '2026-11-25T03:00:00Z');
    expect(texts(pyb).filter((t) => t.startsWith('Pengingat'))).toHaveLength(1);
    await bot.as(pyb).press('Setujui dan teruskan');
    await instructAptika(bot, seberang.pyb);
    const remindedBefore = texts(requester).length + texts(pyb).length + texts(kadis).length;
    // Four working days later: their unit head is reminded and the head's Penilai told; our side waits for them and hears nothing.
    await tickAt(bot, '2026-12-01T02:00:00Z');
    expect(bot.lastText(seberang.kabidAptika)).toMatch(/^Pengingat: permohonan lintas instansi nomor 1 \(Pemerintah Kota Uji\) menunggu langkah Bapak\/Ibu sejak \d+ November 2026 \(\d hari kerja\)/);
    expect(bot.lastText(seberang.kadis)).toMatch(/^Untuk diketahui: permohonan lintas instansi nomor 1 \(Pemerintah Kota Uji\) menunggu langkah Kabid Aptika Uji sejak/);
    expect(texts(requester).length + texts(pyb).length + texts(kadis).length).toBe(remindedBefore);
  });

  it('a refusal by their PyB goes back in writing with its reason and ends the request here too', async () => {
    const started = await twoGovernments('SMD', 'KRA');
    bot = started.bot;
    const { requester, pyb, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await bot.as(pyb).press('Setujui dan teruskan');
    await bot.as(seberang.pyb).press('Tolak');
    await bot.as(seberang.pyb).say('Pegawai kami sedang menyelesaikan program prioritas daerah');
    expect(await statuses()).toEqual({ KELUAR: 'DECLINED_BY_TARGET_PYB', MASUK: 'DECLINED_BY_PYB' });
    const answer = (await documentsOf(bot, requester)).find((d) => d.fileName.startsWith('jawaban-antar-instansi'))!;
    expect(answer.text.replace(/\s+/g, ' ')).toMatch(/Kami tidak dapat menyetujui permohonan pelibatan .*Alasan: Pegawai kami sedang menyelesaikan program prioritas daerah/);
    expect(texts(requester)).toContainEqual(expect.stringMatching(/^Permohonan lintas instansi nomor 1 \(Tim Statistik Sektoral, Pemerintah Kabupaten Seberang\): Permohonan tidak disetujui Pejabat yang Berwenang instansi dituju\.\nAlasan: Pegawai kami sedang/));
  });

  it('the requesting head follows it in /pengajuanku and withdraws it; the other government\'s request is withdrawn too and its holder told', async () => {
    const started = await twoGovernments('SMD', 'SMD');
    bot = started.bot;
    const { requester, pyb, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toMatch(/^Pengajuan Bapak\/Ibu:\n- Nomor lintas instansi 1, 2 pegawai dari Pemerintah Kabupaten Seberang untuk Tim Statistik Sektoral: menunggu keputusan Pejabat yang Berwenang sejak \d+ November 2026$/);
    await bot.as(pyb).press('Setujui dan teruskan');
    await instructAptika(bot, seberang.pyb);
    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toContain(': menunggu surat dari Pemerintah Kabupaten Seberang sejak');
    // Only the head who asked may withdraw it.
    expect((await bot.as(pyb).press('Tarik permohonan lintas instansi nomor 1', requester)).status).toBe('refused');
    await bot.as(requester).press('Tarik permohonan lintas instansi nomor 1');
    expect(await statuses()).toEqual({ KELUAR: 'WITHDRAWN', MASUK: 'WITHDRAWN' });
    expect(bot.lastText(seberang.kabidAptika)).toBe('Permohonan masuk nomor 1 dari Pemerintah Kota Uji ditarik oleh pemohonnya. Tidak perlu diproses lagi.');
    expect(texts(pyb)).toContainEqual('Permohonan lintas instansi nomor 1 (Pemerintah Kabupaten Seberang) ditarik oleh pemohon, Kabid Statistik Uji. Tidak perlu diproses lagi.');
    // The unit head's card no longer does anything.
    await bot.as(seberang.kabidAptika).press('Tunjuk pegawai');
    expect(bot.lastText(seberang.kabidAptika)).toBe('Langkah ini sudah diputuskan sebelumnya.');
  });

  it('Tulang Bawang Barat receiving: its Perbup ends once a unit is instructed, and its PyB is told so', async () => {
    const started = await twoGovernments('SMD', 'TBB');
    bot = started.bot;
    const { seberang } = started;
    await askedAndInstructed(bot, started);
    expect(texts(seberang.pyb)).toContainEqual('Permohonan masuk nomor 1: peraturan instansi ini tidak mengatur tahap setelah ini (001-TBB Lamp. c. A.3 (tahapan hanya huruf a sampai c)). Langkah berikutnya ditetapkan instansi (kebijakan instansi).');
    expect(bot.inbox(seberang.kabidAptika).filter((m) => m.kind === 'choice')).toEqual([]);
  });

  it('Tulang Bawang Barat receiving, with its own stages for the rest: the instructed unit answers and assigns, cited as kebijakan instansi', async () => {
    const started = await twoGovernments('SMD', 'TBB', {
      lintasInstansiMasukLanjutan: [
        {
          kind: 'JAWAB', status: 'TARGET_INSTRUCTED_PENILAI', performer: 'PIMPINAN_UO_DITUJU', tersedia: 'AVAILABILITY_ANSWERED', tidakTersedia: 'NOT_AVAILABLE',
          citation: 'Penilai menjawab ketersediaan pegawai', kabarTersedia: 'JAWABAN', kabarTidakTersedia: 'TIDAK_TERSEDIA',
        },
        { kind: 'TERBITKAN', status: 'AVAILABILITY_ANSWERED', performer: 'PIMPINAN_UO_DITUJU', next: 'ASSIGNMENT_ISSUED', document: 'SURAT_TUGAS', citation: 'surat tugas dari Penilai' },
      ],
    });
    bot = started.bot;
    const { seberang } = started;
    await askedAndInstructed(bot, started);
    expect(texts(seberang.pyb).filter((t) => t.includes('tidak mengatur tahap setelah ini'))).toEqual([]);
    expect(texts(seberang.kabidAptika).at(-1)).toContain('Dasar: kebijakan instansi (Penilai menjawab ketersediaan pegawai)');
    await namePranata(bot, seberang.kabidAptika);
    expect(await statuses()).toEqual({ KELUAR: 'ANSWER_RECEIVED_BY_OWN_PYB', MASUK: 'AVAILABILITY_ANSWERED' });
    expect((await documentsOf(bot, started.requester)).map((d) => d.fileName)).toContainEqual(expect.stringMatching(/^jawaban-antar-instansi/));
    expect(texts(seberang.kabidAptika).at(-1)).toContain('Dasar: kebijakan instansi (surat tugas dari Penilai)');
    await bot.as(seberang.kabidAptika).press('Terbitkan surat penugasan');
    expect(await statuses()).toEqual({ KELUAR: 'ASSIGNMENT_ISSUED', MASUK: 'ASSIGNMENT_ISSUED' });
    expect((await documentsOf(bot, seberang.pranata)).map((d) => d.fileName)).toContainEqual(expect.stringMatching(/^surat-tugas/));
    expect(await bot.db.auditLog.findFirst({ where: { action: 'lintas.masuk.jawaban_tersedia' } })).toMatchObject({ rule: 'kebijakan instansi (Penilai menjawab ketersediaan pegawai)' });
  });

  it('a government this deployment serves is recognised when its name is typed rather than picked', async () => {
    const started = await twoGovernments('SMD', 'SMD');
    bot = started.bot;
    await askAcrossInstansi(bot, started.requester, { target: 'pemerintah kabupaten  seberang' });
    expect(await bot.db.pelibatanLintasInstansi.findFirstOrThrow()).toMatchObject({ targetName: SEBERANG, targetInstansiId: started.other.instansi.id });
  });

  it('Lamandau asking Samarinda: the answer with officials is Lamandau\'s surat persetujuan; once Samarinda assigned them, the request can no longer be withdrawn', async () => {
    const started = await twoGovernments('LMD', 'SMD');
    bot = started.bot;
    const { requester, pyb, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await bot.as(pyb).press('Setujui dan teruskan');
    await instructAptika(bot, seberang.pyb);
    await namePranata(bot, seberang.kabidAptika);
    await bot.as(seberang.pyb).press('Setujui');
    expect(await statuses()).toEqual({ KELUAR: 'TARGET_APPROVED', MASUK: 'ANSWER_APPROVED_BY_TARGET_PYB' });
    await bot.as(seberang.kabidAptika).press('Terbitkan surat penugasan');
    expect(await statuses()).toEqual({ KELUAR: 'TARGET_APPROVED', MASUK: 'ASSIGNMENT_ISSUED' });
    await bot.as(requester).command('pengajuanku');
    await bot.as(requester).press('Tarik permohonan lintas instansi nomor 1');
    expect(bot.lastText(requester)).toBe('Pengajuan nomor 1 sudah diputuskan dan tidak dapat ditarik lagi.');
    expect(await statuses()).toEqual({ KELUAR: 'TARGET_APPROVED', MASUK: 'ASSIGNMENT_ISSUED' });
    // Lamandau goes on: its PyB passes the approval to the owner, who sets the team by SK.
    await bot.as(pyb).press('Teruskan ke pemilik kinerja');
    await bot.as(requester).press('Tetapkan SK Tim Kerja');
    expect(await statuses()).toEqual({ KELUAR: 'TEAM_DECREE_ISSUED', MASUK: 'ASSIGNMENT_ISSUED' });
  });

  it('Tulang Bawang Barat asking Lamandau: the surat persetujuan tells TBB that the other side agreed, where TBB\'s Perbup stops', async () => {
    const started = await twoGovernments('TBB', 'LMD');
    bot = started.bot;
    const { requester, pyb, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await bot.as(pyb).press('Setujui dan teruskan');
    // Lamandau's PyB passes it to the unit (kebijakan instansi), whose head answers straight back.
    await bot.as(seberang.pyb).press('Pilih unit yang menjawab');
    await bot.as(seberang.pyb).say('aplikasi');
    await bot.as(seberang.pyb).press(/^Bidang Aplikasi Informatika/);
    await namePranata(bot, seberang.kabidAptika);
    expect(await statuses()).toEqual({ KELUAR: 'TARGET_INSTRUCTED_PENILAI', MASUK: 'TARGET_APPROVED' });
    expect(texts(requester)).toContainEqual(expect.stringMatching(/^Peraturan instansi ini tidak mengatur tahap setelah ini \(001-TBB/));
  });

  it('Magelang has no WF-3 to receive with: the letter goes by post and the answer is recorded by hand', async () => {
    const started = await twoGovernments('SMD', 'MGL');
    bot = started.bot;
    const { requester, pyb, seberang } = started;
    await askAcrossInstansi(bot, requester, { pick: /^Pemerintah Kabupaten Seberang/ });
    await bot.as(pyb).press('Setujui dan teruskan');
    expect(await statuses()).toEqual({ KELUAR: 'FORWARDED_TO_TARGET_PYB' });
    expect(bot.lastText(pyb)).toMatch(/mohon ditandatangani dan dikirim/);
    expect(await documentsOf(bot, seberang.pyb)).toEqual([]);
  });
});
