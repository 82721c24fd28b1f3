import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { askUnitFor, documentsOf, EKSPEKTASI, involvementBot, KOMPETENSI, MAKSUD, nominate } from '../helpers/involvement';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { loadOrganisation } from '../helpers/organisationBot';
import { tickAt } from '../scheduler/schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const inTeam = (pegawaiId: string) => ({ pegawaiId, tim: { code: 'TIM-STAT' } });

describe('WF-2 without a named official: a unit is asked for a number of its officials and nominates them', () => {
  it('Samarinda: the letter asks for "2 (dua) orang", the unit head nominates two, and each goes on by its own Penilai', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika, kadis, pranata, analis, ketua } = started;
    await bot.as(requester).command('mintapegawai');
    await bot.as(requester).press('Tim Statistik Sektoral');
    await bot.as(requester).say('aplikasi');
    await bot.as(requester).press(/^Bidang Aplikasi Informatika/);
    await bot.as(requester).press('Minta sejumlah pegawai, unit yang menunjuk');
    expect(bot.lastText(requester)).toMatch(/Tuliskan angka 1 sampai 2\.$/);
    await bot.as(requester).say('3');
    expect(bot.lastText(requester)).toMatch(/^Jumlah tidak sah\. Tuliskan angka 1 sampai 2/);
    await bot.as(requester).say('2');
    expect(bot.lastText(requester)).toMatch(/^Permohonan pelibatan 2 orang pegawai Bidang Aplikasi Informatika dalam Tim Statistik Sektoral\./);
    await bot.as(requester).say(MAKSUD);
    await bot.as(requester).say(KOMPETENSI);
    await bot.as(requester).say(EKSPEKTASI);
    await bot.as(requester).press('Sampai akhir masa tim (31 Desember 2026)');
    expect(bot.lastText(requester)).toContain('Dijawab oleh: Kabid Aptika Uji (Pimpinan Unit Organisasi pegawai yang diminta)');
    await bot.as(requester).press('Kirim');
    expect(bot.lastText(requester)).toMatch(/^Permintaan pegawai nomor 1 \(2 orang\) telah dikirim kepada Kabid Aptika Uji/);
    expect(await bot.db.penugasan.count()).toBe(0);

    const [letter] = await documentsOf(bot, kabidAptika);
    const body = letter!.text.replace(/\s+/g, ' ');
    expect(body).toContain('dengan jumlah 2 (dua) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika yang Saudara tunjuk');
    for (const item of [MAKSUD, KOMPETENSI, EKSPEKTASI]) expect(body).toContain(item);
    expect(body).not.toMatch(/Pranata Muda Uji|Analis Madya Uji/);
    expect(body).toMatch(/Tembusan.*Kepala Dinas Uji/);
    const card = bot.inbox(kabidAptika).map(messageText).find((t) => t.startsWith('Permintaan pegawai nomor 1:'))!;
    expect(card).toContain('Diminta: 2 orang pejabat fungsional atau pelaksana Bidang Aplikasi Informatika');

    // Only the unit's head (or their Plh) answers: others are refused, and the refusal is audited.
    for (const stranger of [kadis, ketua]) expect((await bot.as(stranger).press('Tunjuk pegawai', kabidAptika)).status).toBe('refused');
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(2);

    await bot.as(kabidAptika).press('Tunjuk pegawai');
    expect(bot.lastText(kabidAptika)).toContain('1. Analis Madya Uji (Jabatan Analis Madya Uji)\n2. Pranata Muda Uji (Jabatan Pranata Muda Uji)');
    await bot.as(kabidAptika).say('1, 1');
    expect(bot.lastText(kabidAptika)).toMatch(/^Nomor tidak dikenali/);
    await bot.as(kabidAptika).say('1, 2');
    await bot.as(kabidAptika).press('Kirim');

    // Pranata's Penilai is the head who nominated: the surat penugasan is issued now, signed by them.
    const tugas = (await documentsOf(bot, pranata)).find((d) => d.fileName.startsWith('surat-penugasan'))!;
    expect(tugas.text).toMatch(/Pranata Muda Uji, NIP 198505052010011005/);
    expect(tugas.text).toMatch(/NIP\.? ?197502022001122002/);
    // Analis's Penilai is the Kepala Dinas, who still decides on them.
    const requests = await bot.db.penugasan.findMany({ include: { pegawai: true, steps: { orderBy: { position: 'asc' }, include: { assignee: true } } } });
    const analisRequest = requests.find((r) => r.pegawai.nip === NIP.pfMadya)!;
    const pranataRequest = requests.find((r) => r.pegawai.nip === NIP.pfMuda)!;
    expect(pranataRequest).toMatchObject({ status: 'ISSUED', workflow: 'WF-2', assignerId: requester.pegawaiId });
    expect(analisRequest.status).toBe('SUBMITTED');
    // The head's nomination is their recommendation (§3.2 T5); the Penilai decides and issues as one step.
    expect(analisRequest.steps.map((s) => [s.assignee.name, s.performer, s.kind, s.status])).toEqual([
      ['Kabid Aptika Uji', 'DITUJU_PIMPINAN_UO', 'RECOMMEND', 'APPROVED'], ['Kepala Dinas Uji', 'DITUJU_PENILAI', 'APPROVE', 'PENDING'],
    ]);
    expect(await bot.db.auditLog.count({ where: { action: 'pelibatan.ditunjukUnit', outcome: 'OK' } })).toBe(2);
    const answer = bot.inbox(requester).map(messageText).find((t) => t.startsWith('Permintaan pegawai nomor 1 dijawab'))!;
    expect(answer).toContain('2 dari 2 orang ditunjuk');
    expect(answer).toContain(`- Pranata Muda Uji: surat penugasan terbit (penugasan nomor ${pranataRequest.number})`);
    expect(answer).toContain(`- Analis Madya Uji: penugasan nomor ${analisRequest.number}, menunggu Pejabat Penilai Kinerja pegawai yang diminta (Kepala Dinas Uji)`);
    expect(bot.inbox(kabidAptika).map(messageText)).toContainEqual(expect.stringMatching(/DIJAWAB oleh Kabid Aptika Uji pada .*: 2 orang ditunjuk\.$/));

    // Every copy of the card lost its buttons: nothing is answered twice.
    expect(() => bot.findButton(kabidAptika, 'Tunjuk pegawai')).toThrow(/no button/);

    await bot.as(kadis).press('Setujui');
    expect((await documentsOf(bot, analis)).some((d) => d.fileName.startsWith('surat-penugasan'))).toBe(true);
    for (const official of [pranata, analis]) await bot.as(official).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { tim: { code: 'TIM-STAT' }, status: 'ACTIVE', pegawaiId: { in: [pranata.pegawaiId, analis.pegawaiId] } } })).toBe(2);

    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toContain('- Permintaan pegawai nomor 1, 2 orang dari Bidang Aplikasi Informatika untuk Tim Statistik Sektoral: dijawab, ditunjuk: '
      + `Analis Madya Uji (nomor ${analisRequest.number}: diterima, penugasan berjalan); Pranata Muda Uji (nomor ${pranataRequest.number}: diterima, penugasan berjalan)`);
  });

  it('a refusal needs a written reason and reaches the requesting head by letter, naming the number asked for', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await askUnitFor(bot, requester, 2);
    await bot.as(kabidAptika).press('Tolak');
    await bot.as(kabidAptika).say('Tidak');
    expect(bot.lastText(kabidAptika)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
    await bot.as(kabidAptika).say('Seluruh pegawai sedang menyelesaikan migrasi pusat data');
    expect(await bot.db.permintaanPegawai.findFirstOrThrow()).toMatchObject({ status: 'REJECTED', reason: 'Seluruh pegawai sedang menyelesaikan migrasi pusat data' });
    expect(bot.inbox(requester).map(messageText)).toContainEqual('Permintaan pegawai nomor 1 ditolak oleh Kabid Aptika Uji. Alasan: Seluruh pegawai sedang menyelesaikan migrasi pusat data');
    const refusal = (await documentsOf(bot, requester)).find((d) => d.fileName.startsWith('jawaban-pelibatan'))!;
    const body = refusal.text.replace(/\s+/g, ' ');
    expect(body).toContain('tidak dapat menyetujui pelibatan 2 (dua) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika');
    expect(body).toContain('Alasan: Seluruh pegawai sedang menyelesaikan migrasi pusat data');
    expect(body).toContain('0001/DISKOMINFO/2026'); // it answers the request letter by its number
    expect(await bot.db.penugasan.count()).toBe(0);
  });

  it('the requesting head withdraws it with /pengajuanku before the unit answers; the answerer\'s card says so', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await askUnitFor(bot, requester, 1);
    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toContain('- Permintaan pegawai nomor 1, 1 orang dari Bidang Aplikasi Informatika untuk Tim Statistik Sektoral: menunggu Pimpinan Unit Organisasi pegawai yang diminta (Kabid Aptika Uji) sejak 23 November 2026');
    expect((await bot.as(kabidAptika).press('Tarik permintaan pegawai nomor 1', requester)).status).toBe('refused');
    await bot.as(requester).press('Tarik permintaan pegawai nomor 1');
    expect(bot.lastText(requester)).toBe('Permintaan pegawai nomor 1 telah ditarik.');
    expect(bot.lastText(kabidAptika)).toBe('Permintaan pegawai nomor 1 ditarik oleh pemohonnya, Kabid Statistik Uji. Tidak perlu dijawab lagi.');
    expect(bot.inbox(kabidAptika).map(messageText)).toContainEqual(expect.stringMatching(/DITARIK oleh pemohon/));
    expect(() => bot.findButton(kabidAptika, 'Tunjuk pegawai')).toThrow(/no button/);
    expect((await bot.db.permintaanPegawai.findFirstOrThrow()).status).toBe('WITHDRAWN');
  });

  it('the requesting head never answers for the other unit, not even as its head\'s Plh (C7)', async () => {
    const organisation = smallOrganisation('SMD');
    organisation.delegasi.push({ nipDari: NIP.kabidA, nipKe: NIP.kabidB, jenis: 'PLH', lingkup: 'SEMUA', mulai: '2026-11-01', selesai: '2026-12-31' });
    const started = await involvementBot('SMD', organisation);
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await askUnitFor(bot, requester, 1);
    expect(bot.inbox(requester).map(messageText).filter((t) => t.startsWith('Permintaan pegawai nomor 1:'))).toEqual([]);
    expect((await bot.as(requester).press('Tunjuk pegawai', kabidAptika)).status).toBe('refused');
    expect((await bot.db.permintaanPegawai.findFirstOrThrow()).status).toBe('SUBMITTED');
  });

  it('the unit head\'s Plh answers "atas nama" and the head is told (C6); a delegate for the Penilai\'s tasks only may not', async () => {
    const organisation = smallOrganisation('SMD');
    organisation.delegasi.push(
      { nipDari: NIP.kabidA, nipKe: NIP.pfMuda, jenis: 'PLH', lingkup: 'PIMPINAN_UNIT', mulai: '2026-11-01', selesai: '2026-12-31' },
      { nipDari: NIP.kabidA, nipKe: NIP.pfMadya, jenis: 'PLH', lingkup: 'PENILAI', mulai: '2026-11-01', selesai: '2026-12-31' },
    );
    const started = await involvementBot('SMD', organisation);
    bot = started.bot;
    const { requester, kabidAptika, pranata, kadis, analis } = started;
    await askUnitFor(bot, requester, 1);
    expect(bot.inbox(analis).map(messageText).filter((t) => t.startsWith('Permintaan pegawai nomor 1:'))).toEqual([]);
    expect((await bot.as(analis).press('Tunjuk pegawai', pranata)).status).toBe('refused');
    await bot.as(pranata).press('Tunjuk pegawai');
    // The Plh never nominates themselves: only Analis is on the list.
    expect(bot.lastText(pranata)).toContain('\n1. Analis Madya Uji (Jabatan Analis Madya Uji)\n\n');
    await bot.as(pranata).say('1');
    await bot.as(pranata).press('Kirim');
    expect(await bot.db.permintaanPegawai.findFirstOrThrow()).toMatchObject({ status: 'ANSWERED', decidedById: pranata.pegawaiId, onBehalfOf: kabidAptika.pegawaiId });
    expect(bot.inbox(requester).map(messageText)).toContainEqual(expect.stringMatching(/^Permintaan pegawai nomor 1 dijawab oleh Pranata Muda Uji atas nama Kabid Aptika Uji \(pendelegasian\): 1 dari 1 orang ditunjuk\./));
    expect(bot.lastText(kabidAptika)).toMatch(/^Untuk diketahui: Pranata Muda Uji menjawab permintaan pegawai nomor 1 atas nama Bapak\/Ibu\.\n- Analis Madya Uji/);
    expect(bot.inbox(kadis).map(messageText)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1: permohonan pelibatan dari Kabid Statistik Uji/));
  });

  it('a card answered meanwhile, a withdrawal after the answer and a request past its last day change nothing', async () => {
    const organisation = smallOrganisation('SMD');
    organisation.delegasi.push({ nipDari: NIP.kabidA, nipKe: NIP.pfMuda, jenis: 'PLH', lingkup: 'PIMPINAN_UNIT', mulai: '2026-11-01', selesai: '2026-12-31' });
    const started = await involvementBot('SMD', organisation);
    bot = started.bot;
    const { requester, kabidAptika, pranata } = started;
    await askUnitFor(bot, requester, 1);
    await bot.as(requester).command('pengajuanku'); // its Tarik button stays in the chat
    await bot.as(pranata).press('Tunjuk pegawai'); // the Plh opens the list …
    await nominate(bot, kabidAptika, '1'); // … while the head answers on their own card
    await bot.as(pranata).say('1');
    expect(bot.lastText(pranata)).toBe('Permintaan ini sudah dijawab atau ditarik pemohonnya; tidak ada yang perlu dilakukan lagi.');
    await bot.as(requester).press('Tarik permintaan pegawai nomor 1');
    expect(bot.lastText(requester)).toBe('Permintaan pegawai nomor 1 sudah dijawab, sehingga tidak dapat ditarik lagi.');
    expect((await bot.db.permintaanPegawai.findFirstOrThrow()).status).toBe('ANSWERED');
    expect(await bot.db.penugasan.count()).toBe(1);

    // A second request until 1 December, answered only the day after.
    await askUnitFor(bot, requester, 1, '2026-12-01');
    bot.clock.set(new Date('2026-12-02T02:00:00Z'));
    await bot.as(kabidAptika).press('Tunjuk pegawai');
    await bot.as(kabidAptika).say('1');
    expect((await bot.as(kabidAptika).press('Kirim')).status).toBe('refused');
    expect(bot.lastText(kabidAptika)).toBe('Permintaan pegawai nomor 2 tidak dapat dijawab lagi: durasi pelibatannya berakhir 1 Desember 2026. Pemohon dapat mengajukan permintaan baru.');
    expect(await bot.db.penugasan.count()).toBe(1);
  });

  it('withdrawing a nominee\'s request that still waits for their Penilai tells the head who nominated them', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika, kadis } = started;
    await askUnitFor(bot, requester, 1);
    await nominate(bot, kabidAptika, '1'); // Analis Madya, whose Penilai is the Kepala Dinas
    await bot.as(requester).command('pengajuanku');
    await bot.as(requester).press('Tarik pengajuan nomor 1');
    expect(bot.lastText(kabidAptika)).toBe('Permohonan nomor 1 untuk Analis Madya Uji, yang Bapak/Ibu tunjuk, ditarik oleh pemohonnya, Kabid Statistik Uji.');
    expect(bot.inbox(kadis).map(messageText)).toContainEqual(expect.stringMatching(/DITARIK oleh pemohon, Kabid Statistik Uji/));
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('WITHDRAWN');
    // The request to the unit no longer reads as if the nominee were still coming.
    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toContain('dijawab, ditunjuk: Analis Madya Uji (nomor 1: ditarik)');
  });

  it('an answerer who links their chat account only afterwards gets the card then, and it works', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const requester = await org.link(NIP.kabidB);
    await askUnitFor(bot, requester, 1);
    const kabidAptika = await org.link(NIP.kabidA);
    expect(bot.inbox(kabidAptika).map(messageText)).toContainEqual(expect.stringMatching(/^Permintaan pegawai nomor 1: permohonan pelibatan dari Kabid Statistik Uji/));
    expect(bot.lastText(kabidAptika)).toBe('Ada 1 permohonan yang menunggu keputusan Bapak/Ibu; pesannya dikirim ulang di atas.');
    await nominate(bot, kabidAptika, '2'); // Pranata Muda, whose Penilai is this head
    expect((await bot.db.permintaanPegawai.findFirstOrThrow()).status).toBe('ANSWERED');
    expect(await bot.db.penugasan.findFirstOrThrow({ include: { pegawai: true } })).toMatchObject({ status: 'ISSUED', pegawai: { nip: NIP.pfMuda } });
  });

  it('Lamandau: the unit head decides for the official they nominate, answers in writing, and the owner issues the SK Tim Kerja', async () => {
    const started = await involvementBot('LMD');
    bot = started.bot;
    const { requester, kabidAptika, kadis, analis } = started;
    await askUnitFor(bot, requester, 1);
    await nominate(bot, kabidAptika, '1');
    const request = await bot.db.penugasan.findFirstOrThrow({ include: { pegawai: true } });
    expect(request).toMatchObject({ status: 'AWAITING_SK_TIM', pegawai: { nip: NIP.pfMadya } });
    const letters = await documentsOf(bot, requester);
    expect(letters.map((d) => d.fileName.replace(/-\d{4}-.*/, ''))).toEqual(expect.arrayContaining(['jawaban-pelibatan', 'surat-penugasan']));
    // One written answer to the request, naming whom the unit nominated (002-LMD Ps 23(5)).
    const answers = letters.filter((d) => d.fileName.startsWith('jawaban-pelibatan'));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text.replace(/\s+/g, ' ')).toContain('Kami menyetujui pelibatan 1 (satu) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika yang kami tunjuk, yaitu Analis Madya Uji, NIP 198004042005012004, Jabatan Analis Madya Uji, dalam Tim Kerja');
    expect(await bot.db.membership.count({ where: inTeam(analis.pegawaiId) })).toBe(0);
    expect(bot.inbox(kadis).map(messageText)).toContainEqual(expect.stringMatching(/^Permohonan nomor 1 disetujui dan surat penugasan untuk Analis Madya Uji telah terbit/));
    await bot.as(requester).press('Terbitkan SK Tim Kerja');
    await bot.as(analis).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { ...inTeam(analis.pegawaiId), status: 'ACTIVE' } })).toBe(1);
  });

  it('Magelang within one Perangkat Daerah: no letter, the unit head answers; an unanswered request reminds them, then their superior', async () => {
    const started = await involvementBot('MGL');
    bot = started.bot;
    const { requester, kabidAptika, kadis } = started;
    await askUnitFor(bot, requester, 1);
    expect(await documentsOf(bot, kabidAptika)).toEqual([]);
    expect(bot.inbox(kabidAptika).map(messageText)).toContainEqual(expect.stringMatching(/^Permintaan pegawai nomor 1: permohonan pelibatan dari Kabid Statistik Uji/));

    expect((await tickAt(bot, '2026-11-24T02:00:00Z')).persetujuan).toBe(0); // one working day
    expect((await tickAt(bot, '2026-11-25T00:00:00Z')).persetujuan).toBe(1); // two working days
    expect(bot.lastText(kabidAptika)).toBe('Pengingat: permintaan pegawai nomor 1 dari Kabid Statistik Uji (1 orang untuk Tim Statistik Sektoral) menunggu jawaban Bapak/Ibu sejak 23 November 2026 (2 hari kerja). Pesan permintaannya ada di atas; jawaban tetap di tangan Bapak/Ibu.');
    expect((await tickAt(bot, '2026-11-27T00:00:00Z')).persetujuan).toBe(2); // four: again, and the superior
    expect(bot.lastText(kadis)).toMatch(/^Untuk diketahui: permintaan pegawai nomor 1 .* menunggu jawaban Kabid Aptika Uji sejak 23 November 2026 \(4 hari kerja\)\..*tidak dijawab otomatis\.$/);
    expect((await bot.db.permintaanPegawai.findFirstOrThrow()).status).toBe('SUBMITTED');
  });
});
