import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { askForOfficial, documentsOf, EKSPEKTASI, involvementBot, KOMPETENSI, MAKSUD } from '../helpers/involvement';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { loadOrganisation } from '../helpers/organisationBot';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const inTeam = (pegawaiId: string) => ({ pegawaiId, tim: { code: 'TIM-STAT' } });

describe('penunjukan across units (WF-2): permohonan pelibatan', () => {
  it('Samarinda: the owner head asks for an official whose Penilai heads the unit; one decision issues the surat penugasan', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika, kadis, pranata, ketua } = started;
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    expect(bot.lastText(requester)).toMatch(/^Permohonan nomor 1 untuk melibatkan Pranata Muda Uji telah dikirim kepada Kabid Aptika Uji \(Pejabat Penilai Kinerja pegawai yang diminta\)/);

    // Format 2 goes to the Penilai dituju, with the requester's own Penilai in tembusan.
    const [permohonan] = await documentsOf(bot, kabidAptika);
    expect(permohonan!.fileName).toBe('permohonan-pelibatan-0001-DISKOMINFO-2026.pdf');
    const letter = permohonan!.text.replace(/\s+/g, ' ');
    for (const item of [MAKSUD, KOMPETENSI, EKSPEKTASI, '1 (satu) orang', 'Pranata Muda Uji', 'Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023']) expect(letter).toContain(item);
    expect(letter).toMatch(/Tembusan.*Kepala Dinas Uji/);
    expect((await documentsOf(bot, kadis)).map((d) => d.fileName)).toEqual(['permohonan-pelibatan-0001-DISKOMINFO-2026.pdf']);

    const card = bot.inbox(kabidAptika).map(messageText).find((t) => t.startsWith('Permohonan nomor 1: permohonan pelibatan'))!;
    expect(card).toContain(`Maksud dan tujuan: ${MAKSUD}`);
    expect(card).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.a.ii angka 1-2');

    // AC-16: the requester's own Penilai and the ketua of the requesting team may not decide.
    for (const stranger of [kadis, ketua]) {
      expect((await bot.as(stranger).press('Setujui', kabidAptika)).status).toBe('refused');
    }
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ status: 'SUBMITTED', workflow: 'WF-2', mode: 'PENUNJUKAN' });
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(2);

    await bot.as(kabidAptika).press('Setujui');
    const tugas = (await documentsOf(bot, pranata)).find((d) => d.fileName.startsWith('surat-penugasan'))!;
    expect(tugas.text).toContain('SURAT PENUGASAN');
    expect(tugas.text).toMatch(/Pranata Muda Uji, NIP 198505052010011005/);
    expect(tugas.text).toMatch(/NIP\.? ?197502022001122002/); // signed by the Penilai dituju
    expect((await documentsOf(bot, requester)).map((d) => d.fileName)).toContain('surat-penugasan-0002-DISKOMINFO-2026.pdf');
    expect(bot.lastText(requester)).toMatch(/^Permohonan nomor 1 disetujui: surat penugasan untuk Pranata Muda Uji/);

    expect(await bot.db.membership.count({ where: inTeam(pranata.pegawaiId) })).toBe(0);
    await bot.as(pranata).press('Terima penugasan');
    expect(await bot.db.membership.findFirstOrThrow({ where: inTeam(pranata.pegawaiId) })).toMatchObject({ role: 'ANGGOTA', status: 'ACTIVE' });
    expect(bot.inbox(ketua).map(messageText)).toContainEqual(expect.stringMatching(/^Pranata Muda Uji \(Jabatan Pranata Muda Uji\) menerima penugasan nomor 1/));
  });
});

describe('WF-2 chains per profile', () => {
  it('Samarinda: where the Penilai dituju does not head the unit, the unit head recommends before the Penilai issues the surat penugasan (AC-17)', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika, kadis, analis } = started;
    await askForOfficial(bot, requester, /^Analis Madya Uji/);
    const steps = await bot.db.approvalStep.findMany({ orderBy: { position: 'asc' }, include: { assignee: true } });
    expect(steps.map((s) => [s.performer, s.kind, s.assignee.name])).toEqual([
      ['DITUJU_PENILAI', 'APPROVE', 'Kepala Dinas Uji'], ['DITUJU_PIMPINAN_UO', 'RECOMMEND', 'Kabid Aptika Uji'], ['DITUJU_PENILAI', 'ISSUE', 'Kepala Dinas Uji'],
    ]);
    await bot.as(kadis).press('Setujui');
    // The surat penugasan cannot be issued before the recommendation: no button for it exists yet, and the step waits.
    expect(bot.inbox(kadis).map(messageText).filter((t) => t.includes('Langkah: penerbitan surat penugasan'))).toHaveLength(0);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('AWAITING_RECOMMENDATION');
    expect(bot.lastText(requester)).toBe('Permohonan nomor 1 (Analis Madya Uji) disetujui oleh Kepala Dinas Uji (Pejabat Penilai Kinerja pegawai yang diminta). Langkah berikutnya: Pimpinan Unit Organisasi pegawai yang diminta, Kabid Aptika Uji.');
    await bot.as(kabidAptika).press('Setujui');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('AWAITING_ASSIGNMENT');
    await bot.as(kadis).press('Terbitkan surat penugasan');
    const tugas = (await documentsOf(bot, analis)).find((d) => d.fileName.startsWith('surat-penugasan'))!;
    expect(tugas.text).toMatch(/NIP\.? ?197001012000031001/); // the Penilai dituju signs
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ISSUED');
    await bot.as(analis).press('Terima penugasan');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
  });

  it('Tulang Bawang Barat: the letter is addressed to the Pimpinan UO dituju with the Penilai in tembusan, and the Penilai decides (AC-14)', async () => {
    const started = await involvementBot('TBB');
    bot = started.bot;
    const { requester, kabidAptika, kadis } = started;
    await askForOfficial(bot, requester, /^Analis Madya Uji/);
    const [toHead] = await documentsOf(bot, kabidAptika);
    expect(toHead!.text).toContain('Yth. Jabatan Kabid Aptika Uji (Kabid Aptika Uji)');
    expect(toHead!.text.replace(/\s+/g, ' ')).toMatch(/Tembusan : 1\. Jabatan Kepala Dinas Uji \(Kepala Dinas Uji\)/);
    expect((await documentsOf(bot, kadis)).map((d) => d.fileName)).toEqual(['permohonan-pelibatan-0001-DISKOMINFO-2026.pdf']);
    const steps = await bot.db.approvalStep.findMany({ include: { assignee: true } });
    expect(steps.map((s) => [s.performer, s.assignee.name, s.citation])).toEqual([['DITUJU_PENILAI', 'Kepala Dinas Uji', expect.stringMatching(/^001-TBB Lamp\. c\. A\.2/)]]);
    expect((await bot.as(kabidAptika).press('Setujui', kadis)).status).toBe('refused');
  });

  it('the requesting head never answers for the other unit, not even as the Plh of its Penilai (C7)', async () => {
    const organisation = smallOrganisation('SMD');
    organisation.delegasi.push({ nipDari: NIP.kabidA, nipKe: NIP.kabidB, jenis: 'PLH', lingkup: 'PENILAI', mulai: '2026-11-01', selesai: '2026-12-31' });
    const started = await involvementBot('SMD', organisation);
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    expect(bot.inbox(requester).map(messageText).filter((t) => t.startsWith('Permohonan nomor 1: permohonan pelibatan'))).toEqual([]);
    expect((await bot.as(requester).press('Setujui', kabidAptika)).status).toBe('refused');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED');
  });

  it('a refusal needs a written reason, which reaches the requesting head by letter', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    await bot.as(kabidAptika).press('Tolak');
    expect(bot.lastText(kabidAptika)).toMatch(/^Tuliskan alasan penolakan permohonan nomor 1\. Alasan wajib diisi/);
    await bot.as(kabidAptika).say('Tidak');
    expect(bot.lastText(kabidAptika)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED');
    await bot.as(kabidAptika).say('Sedang menyelesaikan migrasi pusat data sampai Desember');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('REJECTED');
    expect(bot.inbox(requester).map(messageText)).toContainEqual('Permohonan nomor 1 (Pranata Muda Uji) ditolak oleh Kabid Aptika Uji (Pejabat Penilai Kinerja pegawai yang diminta). Alasan: Sedang menyelesaikan migrasi pusat data sampai Desember');
    const answer = (await documentsOf(bot, requester)).find((d) => d.fileName.startsWith('jawaban-pelibatan'))!;
    expect(answer.text.replace(/\s+/g, ' ')).toContain('Sedang menyelesaikan migrasi pusat data sampai Desember');
    expect(answer.text).toContain('0001/DISKOMINFO/2026'); // it answers the request letter by its number
    expect(await bot.db.auditLog.findFirst({ where: { action: 'pelibatan.tolak' } })).toMatchObject({ outcome: 'OK', rule: expect.stringMatching(/^000-SMD/) });
  });

  it('every required item must be written: a too short answer is asked again and nothing is sent (AC-13)', async () => {
    const started = await involvementBot('KRA');
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await bot.as(requester).command('mintapegawai');
    await bot.as(requester).press('Tim Statistik Sektoral');
    await bot.as(requester).say('Tidak ada unit ini');
    expect(bot.lastText(requester)).toMatch(/^Tidak ada unit lain bernama "Tidak ada unit ini"/);
    await bot.as(requester).say('aptika');
    await bot.as(requester).press(/^Bidang Aplikasi Informatika/);
    const options = bot.inbox(requester).at(-1);
    // C1: structural officials are not offered.
    expect(options?.kind === 'choice' ? options.rows.flat().map((b) => b.label) : []).toEqual(['Analis Madya Uji (Jabatan Analis Madya Uji)', 'Pranata Muda Uji (Jabatan Pranata Muda Uji)', 'Minta sejumlah pegawai, unit yang menunjuk', 'Batal']);
    await bot.as(requester).press(/^Pranata Muda Uji/);
    await bot.as(requester).say(MAKSUD);
    await bot.as(requester).say('data');
    expect(bot.lastText(requester)).toBe('Jawaban terlalu singkat. Isian ini wajib dalam permohonan pelibatan; mohon tuliskan minimal 10 karakter.');
    // The draft survives a restart at the step it reached.
    bot = await bot.restart();
    await bot.as(requester).say(KOMPETENSI);
    await bot.as(requester).say('singkat');
    expect(bot.lastText(requester)).toMatch(/^Jawaban terlalu singkat/);
    expect(await bot.db.penugasan.count()).toBe(0);
    await bot.as(requester).say(EKSPEKTASI);
    await bot.as(requester).say('2027-01-15');
    expect(bot.lastText(requester)).toBe('Tanggal harus berformat TTTT-BB-HH, setelah hari ini, dan paling lambat 31 Desember 2026 (akhir masa tim).');
    await bot.as(requester).say('2026-12-15');
    expect(bot.lastText(requester)).toContain('Dasar: 004-KRA Lamp. BAB II.B.2.a.2');
    await bot.as(requester).press('Kirim');
    expect(await bot.db.penugasan.findFirstOrThrow({ include: { steps: true } })).toMatchObject({ endsOn: expect.any(Date), steps: [expect.objectContaining({ assigneeId: kabidAptika.pegawaiId })] });
  });

  it('Magelang: another bidang of the same Perangkat Daerah is asked without an inter-PD letter (AC-20); across PDs only the Kepala PD asks', async () => {
    const started = await involvementBot('MGL');
    bot = started.bot;
    const { requester, kabidAptika, kadis } = started;
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    expect(await documentsOf(bot, kabidAptika)).toEqual([]);
    expect(await bot.db.approvalStep.findFirstOrThrow({ include: { assignee: true } })).toMatchObject({ performer: 'DITUJU_PENILAI', assignee: { name: 'Kabid Aptika Uji' } });
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ scope: 'LINTAS_UO' });

    // A Kabid may not ask another Perangkat Daerah.
    await bot.as(requester).command('mintapegawai');
    await bot.as(requester).press('Tim Statistik Sektoral');
    await bot.as(requester).say('sekretariat');
    await bot.as(requester).press(/^Sekretariat Daerah/);
    expect((await bot.as(requester).press(/^Admin Uji/)).status).toBe('refused');
    expect(bot.lastText(requester)).toMatch(/^Permohonan pelibatan lintas perangkat daerah tidak diajukan oleh Bapak\/Ibu .*003-MGL Lamp\. II\.A\.2/);

    // The Kepala PD asks the Sekda's PD: addressed to its head, decided by its head.
    const sekda = await started.org.link('196809091995031009');
    await askForOfficial(bot, kadis, /^Admin Uji/, { unitQuery: 'sekretariat', unit: /^Sekretariat Daerah/ });
    const [letter] = await documentsOf(bot, sekda);
    expect(letter!.text.replace(/\s+/g, ' ')).toContain('Yth. Jabatan Sekretaris Daerah Uji (Sekretaris Daerah Uji)');
    const request = await bot.db.penugasan.findFirstOrThrow({ where: { number: 2 }, include: { steps: true } });
    expect(request).toMatchObject({ scope: 'LINTAS_PD', steps: [expect.objectContaining({ performer: 'DITUJU_KEPALA_PD', assigneeId: sekda.pegawaiId })] });
  });

  it('Lamandau: both answers are written (AC-19), and the owner issues the SK Tim Kerja before the official may accept', async () => {
    const started = await involvementBot('LMD');
    bot = started.bot;
    const { requester, kabidAptika, pranata, ketua } = started;
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    await bot.as(kabidAptika).press('Setujui');
    const received = await documentsOf(bot, requester);
    expect(received.map((d) => d.fileName.replace(/-\d{4}-.*$/, ''))).toEqual(['permohonan-pelibatan', 'jawaban-pelibatan', 'surat-penugasan']);
    expect(received[1]!.text.replace(/\s+/g, ' ')).toMatch(/menyetujui/);
    expect(received[2]!.text).toContain('SURAT PENUGASAN');
    expect(bot.inbox(pranata).map(messageText).some((t) => t.startsWith('Penunjukan nomor 1'))).toBe(false);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('AWAITING_SK_TIM');
    // The owner's Kepala PD may issue it too, and has the button.
    expect(() => bot.findButton(started.kadis, 'Terbitkan SK Tim Kerja')).not.toThrow();
    // Only the owner (the requesting head, or its Kepala PD) issues it; /pengajuanku offers it again.
    expect((await bot.as(kabidAptika).press('Terbitkan SK Tim Kerja', requester)).status).toBe('refused');
    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toContain('- Nomor 1, permohonan pelibatan Pranata Muda Uji untuk Tim Statistik Sektoral: disetujui, menunggu SK Tim Kerja dari Bapak/Ibu');
    await bot.as(requester).press('Terbitkan SK Tim Kerja nomor 1');
    const decree = (await documentsOf(bot, pranata)).find((d) => d.fileName.startsWith('sk-tim-kerja'))!;
    expect(decree.text).toContain('KEPUTUSAN');
    expect(decree.text).toContain('Statistisi Pertama Uji');
    expect(decree.text).toContain('Pranata Muda Uji');
    expect((await documentsOf(bot, ketua)).some((d) => d.fileName.startsWith('sk-tim-kerja'))).toBe(true);
    await bot.as(requester).press('Terbitkan SK Tim Kerja');
    expect(bot.lastText(requester)).toBe('SK Tim Kerja untuk permohonan nomor 1 sudah terbit sebelumnya.');
    await bot.as(pranata).press('Terima penugasan');
    expect(await bot.db.membership.findFirstOrThrow({ where: inTeam(pranata.pegawaiId) })).toMatchObject({ status: 'ACTIVE' });
  });

  it('Lamandau: the Kepala PD and the official who link only after the approval get the SK button and the offer then', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('LMD'));
    const requester = await org.link(NIP.kabidB);
    const kabidAptika = await org.link(NIP.kabidA);
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    await bot.as(kabidAptika).press('Setujui');
    const kadis = await org.link(NIP.kadis);
    expect(bot.lastText(kadis)).toBe('Ada 1 penugasan atau SK Tim Kerja yang menunggu jawaban Bapak/Ibu; pesannya dikirim ulang di atas.');
    await bot.as(kadis).press('Terbitkan SK Tim Kerja');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ISSUED');
    const pranata = await org.link(NIP.pfMuda);
    expect(bot.inbox(pranata).map(messageText)).toContainEqual('Penugasan nomor 1 (Tim Statistik Sektoral) menunggu jawaban Bapak/Ibu: tekan "Terima penugasan" untuk mulai, atau "Ajukan keberatan".');
    // A second account of the same official, linked while the offer is still open, gets no copies.
    const again = await bot.link(pranata.pegawaiId, 'akun-kedua-pranata');
    expect(bot.inbox(again).filter((m) => m.kind === 'choice')).toEqual([]);
    await bot.as(again).press('Terima penugasan', pranata);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
  });

  it('the baseline profile cites its own policy, and the requesting head follows and may withdraw the request with /pengajuanku', async () => {
    const started = await involvementBot('BASELINE');
    bot = started.bot;
    const { requester, kabidAptika } = started;
    await askForOfficial(bot, requester, /^Pranata Muda Uji/);
    expect(bot.inbox(kabidAptika).map(messageText).find((t) => t.startsWith('Permohonan nomor 1'))).toContain('Dasar: kebijakan instansi');
    await bot.as(requester).command('pengajuanku');
    expect(bot.lastText(requester)).toMatch(/- Nomor 1, permohonan pelibatan Pranata Muda Uji untuk Tim Statistik Sektoral: menunggu Pejabat Penilai Kinerja pegawai yang diminta \(Kabid Aptika Uji\)/);
    await bot.as(requester).press('Tarik pengajuan nomor 1');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('WITHDRAWN');
    expect(bot.lastText(kabidAptika)).toMatch(/ditarik oleh pemohon/);
    // The approver's card now says so and carries no button.
    const card = bot.inbox(kabidAptika).find((m) => messageText(m).startsWith('Permohonan nomor 1'))!;
    expect(messageText(card)).toMatch(/DITARIK oleh pemohon, Kabid Statistik Uji/);
    expect(card.kind).toBe('text');
  });
});
