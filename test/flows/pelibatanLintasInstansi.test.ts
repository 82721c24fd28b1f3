import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { documentsOf, EKSPEKTASI, KOMPETENSI, MAKSUD } from '../helpers/involvement';
import { askAcrossInstansi, DAFTAR, lintasBot, organisationWithPyb, recordLetter, TARGET } from '../helpers/lintasInstansi';
import { NIP } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const request = () => bot.db.pelibatanLintasInstansi.findFirstOrThrow();
const letterKinds = async () => (await bot.db.surat.findMany({ orderBy: { issuedAt: 'asc' } })).map((s) => s.kind);

describe('penunjukan across governments (WF-3)', () => {
  it('Samarinda: the request goes to the own PyB first; the PyB forwards it by letter; the answer and the surat penugasan are recorded from their letters (AC-22)', async () => {
    const started = await lintasBot('SMD');
    bot = started.bot;
    const { requester, pyb, admin, kadis, ketua } = started;
    await askAcrossInstansi(bot, requester);
    expect(bot.lastText(requester)).toMatch(/^Permohonan lintas instansi nomor 1 telah dikirim kepada Pejabat yang Berwenang\. Belum ada yang dikirim ke Pemerintah Kabupaten Kutai Kartanegara/);
    expect(await request()).toMatchObject({ status: 'SUBMITTED_TO_OWN_PYB', direction: 'KELUAR', targetName: TARGET, targetInstansiId: null });
    // AC-22: addressed to the own PyB, tembusan the requester's Penilai; nothing addressed to the other government yet.
    expect(await letterKinds()).toEqual(['PERMOHONAN_LINTAS_INSTANSI']);
    const [toPyb] = await documentsOf(bot, pyb);
    const letter = toPyb!.text.replace(/\s+/g, ' ');
    for (const item of [MAKSUD, KOMPETENSI, EKSPEKTASI, '2 (dua) orang', TARGET, 'Pejabat yang Berwenang pada Pemerintah Kota Uji']) expect(letter).toContain(item);
    expect(letter).toMatch(/Tembusan.*Kepala Dinas Uji/);
    expect((await documentsOf(bot, kadis)).map((d) => d.fileName)).toEqual([toPyb!.fileName]);
    const card = bot.inbox(pyb).map(messageText).find((t) => t.startsWith('Permohonan lintas instansi nomor 1'))!;
    expect(card).toContain('Instansi dituju: Pemerintah Kabupaten Kutai Kartanegara');
    expect(card).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.a.iii angka 1-2');

    // Only the PyB decides: the requester's Penilai and the requester themself are refused and audited.
    for (const stranger of [kadis, requester]) expect((await bot.as(stranger).press('Setujui dan teruskan', pyb)).status).toBe('refused');
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(2);
    expect((await request()).status).toBe('SUBMITTED_TO_OWN_PYB');

    await bot.as(pyb).press('Setujui dan teruskan');
    expect((await request()).status).toBe('FORWARDED_TO_TARGET_PYB');
    const outbound = (await documentsOf(bot, pyb)).find((d) => d.fileName.startsWith('permohonan-antar-instansi'))!;
    expect(outbound.text.replace(/\s+/g, ' ')).toContain(`Pejabat yang Berwenang pada ${TARGET}`);
    expect(outbound.text).toContain('0001/DISKOMINFO/2026'); // it refers to the head's letter by its number
    expect(bot.inbox(requester).map(messageText)).toContainEqual(expect.stringMatching(/^Permohonan lintas instansi nomor 1 disetujui oleh Sekretaris Daerah Uji \(Pejabat yang Berwenang\) dan diteruskan kepada Pemerintah Kabupaten Kutai Kartanegara dengan surat nomor 0002\/SETDA\/2026\.$/));

    // The answer arrives by post: the admin records it with the letter and the officials it names.
    await bot.as(admin).command('catatsurat');
    await bot.as(admin).press(/^Nomor 1:/);
    await bot.as(admin).press('Surat jawaban: pegawai tersedia, dengan daftarnya');
    await bot.as(admin).say('tanpa berkas');
    expect(bot.lastText(admin)).toMatch(/^Surat dari instansi lain wajib dilampirkan sebagai berkas/);
    await bot.as(admin).sendFile('file-jawaban', 'jawaban-kukar.pdf', 'application/pdf');
    await bot.as(admin).say('Rudi Hartono; 12345; Pranata Komputer; Diskominfo');
    expect(bot.lastText(admin)).toMatch(/^Baris 1 belum sesuai format/);
    await bot.as(admin).say(DAFTAR);
    expect(bot.lastText(admin)).toContain('2. Sari Dewi, S.Si., NIP 199002022015032002, Statistisi Ahli Pertama (Badan Pusat Data)');
    await bot.as(admin).press('Simpan');
    expect((await request()).status).toBe('ANSWER_RECEIVED_BY_OWN_PYB');
    const told = bot.inbox(requester);
    expect(messageText(told.at(-2)!)).toMatch(/^Permohonan lintas instansi nomor 1 \(Tim Statistik Sektoral, Pemerintah Kabupaten Kutai Kartanegara\): Surat jawaban: pegawai tersedia[\s\S]*1\. Rudi Hartono, S\.Kom\., NIP 198701012010011001/);
    expect(told.at(-1)).toMatchObject({ kind: 'attachment', fileId: 'file-jawaban', fileName: 'jawaban-kukar.pdf' });

    await recordLetter(bot, pyb, 'Tembusan surat penugasan bagi pegawai yang ditugaskan');
    expect((await request()).status).toBe('ASSIGNMENT_ISSUED');
    // S12: the ketua and the owner unit hear who joins.
    for (const person of [ketua, requester]) {
      expect(bot.inbox(person).map(messageText)).toContainEqual(expect.stringMatching(/^Pegawai dari Pemerintah Kabupaten Kutai Kartanegara ditugaskan dalam Tim Statistik Sektoral[\s\S]*Sari Dewi/));
    }
    // The test clock stands still: every event has the same time, so they are compared as a set.
    const events = await bot.db.peristiwaLintasInstansi.findMany();
    expect(events.map((e) => [e.kind, e.statusTo, e.fileId]).sort()).toEqual([
      ['DIAJUKAN', 'SUBMITTED_TO_OWN_PYB', null], ['DISETUJUI', 'FORWARDED_TO_TARGET_PYB', null],
      ['JAWABAN_TERSEDIA', 'ANSWER_RECEIVED_BY_OWN_PYB', 'file-jawaban'], ['SURAT_PENUGASAN', 'ASSIGNMENT_ISSUED', expect.any(String)],
    ].sort());
    // Nothing is left to record.
    await bot.as(admin).command('catatsurat');
    expect(bot.lastText(admin)).toBe('Tidak ada permohonan lintas instansi yang sedang menunggu surat dari instansi lain.');
  });

  it('Karanganyar: the own PyB declines with a reason; the requester hears it and no letter goes out (AC-23)', async () => {
    const started = await lintasBot('KRA');
    bot = started.bot;
    const { requester, pyb } = started;
    await askAcrossInstansi(bot, requester);
    await bot.as(pyb).press('Tolak');
    await bot.as(pyb).say('Belum');
    expect(bot.lastText(pyb)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
    await bot.as(pyb).say('Kebutuhan dapat dipenuhi dari perangkat daerah sendiri');
    expect((await request()).status).toBe('DECLINED_BY_OWN_PYB');
    expect(bot.inbox(requester).map(messageText)).toContainEqual('Permohonan lintas instansi nomor 1 (Pemerintah Kabupaten Kutai Kartanegara) tidak disetujui oleh Sekretaris Daerah Uji (Pejabat yang Berwenang). Alasan: Kebutuhan dapat dipenuhi dari perangkat daerah sendiri');
    expect(await letterKinds()).toEqual(['PERMOHONAN_LINTAS_INSTANSI']);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'lintas.tolak' } })).toMatchObject({ outcome: 'OK', rule: expect.stringMatching(/^004-KRA Lamp\. BAB II\.B\.2\.a\.3/) });
    // A second press on the card changes nothing.
    await bot.as(pyb).press('Setujui dan teruskan');
    expect(bot.lastText(pyb)).toMatch(/^(Langkah ini sudah diputuskan sebelumnya\.|Tombol ini sudah dipakai)/);
    expect((await request()).status).toBe('DECLINED_BY_OWN_PYB');
    expect(await letterKinds()).toEqual(['PERMOHONAN_LINTAS_INSTANSI']);
  });

  it('Tulang Bawang Barat: after the target PyB instructs its Penilai the Perbup says nothing more; the request waits for the instansi\'s own stages (AC-26)', async () => {
    const started = await lintasBot('TBB');
    bot = started.bot;
    const { requester, pyb, admin } = started;
    await askAcrossInstansi(bot, requester);
    await bot.as(pyb).press('Setujui dan teruskan');
    await recordLetter(bot, admin, /^Pejabat yang Berwenang instansi dituju menyetujui/);
    expect((await request()).status).toBe('TARGET_INSTRUCTED_PENILAI');
    const notice = 'Peraturan instansi ini tidak mengatur tahap setelah ini (001-TBB Lamp. c. A.3 (tahapan hanya huruf a sampai c)). Permohonan lintas instansi nomor 1 menunggu langkah yang ditetapkan instansi (kebijakan instansi).';
    expect(bot.inbox(requester).map(messageText)).toContainEqual(notice);
    await bot.as(admin).command('catatsurat');
    expect(bot.lastText(admin)).toBe('Tidak ada permohonan lintas instansi yang sedang menunggu surat dari instansi lain.');
  });

  it('Tulang Bawang Barat with stages the instansi set for the rest: they run, cited as kebijakan instansi', async () => {
    const organisation = organisationWithPyb('TBB');
    Object.assign(organisation.instansi, {
      pengaturan: {
        lintasInstansiLanjutan: [{
          kind: 'PERISTIWA', status: 'TARGET_INSTRUCTED_PENILAI', citation: 'surat jawaban beserta daftar, sebagaimana PermenPANRB 7/2022',
          outcomes: [
            { peristiwa: 'JAWABAN_TERSEDIA', next: 'ASSIGNMENT_ISSUED', isian: 'DAFTAR', akhir: 'BERHASIL' },
            { peristiwa: 'TIDAK_TERSEDIA', next: 'NOT_AVAILABLE', isian: 'ALASAN', akhir: 'GAGAL' },
          ],
        }],
      },
    });
    const started = await lintasBot('TBB', organisation);
    bot = started.bot;
    const { requester, pyb, admin } = started;
    await askAcrossInstansi(bot, requester);
    await bot.as(pyb).press('Setujui dan teruskan');
    await recordLetter(bot, admin, /^Pejabat yang Berwenang instansi dituju menyetujui/);
    expect(bot.inbox(requester).map(messageText).filter((t) => t.startsWith('Peraturan instansi ini tidak mengatur'))).toEqual([]);
    await bot.as(admin).command('catatsurat');
    await bot.as(admin).press(/^Nomor 1:/);
    expect(bot.lastText(admin)).toContain('(dasar: kebijakan instansi (surat jawaban beserta daftar, sebagaimana PermenPANRB 7/2022))');
    await bot.as(admin).press('Surat jawaban: pegawai tidak tersedia');
    await bot.as(admin).sendFile('file-tidak-tersedia', 'jawaban.pdf', 'application/pdf');
    await bot.as(admin).say('Pegawai dengan kompetensi itu sedang bertugas penuh');
    await bot.as(admin).press('Simpan');
    expect((await request()).status).toBe('NOT_AVAILABLE');
    expect(bot.inbox(requester).map(messageText)).toContainEqual(expect.stringMatching(/Surat jawaban: pegawai tidak tersedia\.\nAlasan: Pegawai dengan kompetensi itu sedang bertugas penuh$/));
  });

  it('Lamandau: the target Pimpinan UO\'s refusal needs its reason; its approval comes back to the owner, who sets the team by SK Tim Kerja with the new officials (AC-25)', async () => {
    const started = await lintasBot('LMD');
    bot = started.bot;
    const { requester, pyb, admin, ketua } = started;
    await askAcrossInstansi(bot, requester, { jumlah: 2 });
    expect((await request()).status).toBe('SUBMITTED_TO_PYB');
    const [toPyb] = await documentsOf(bot, pyb);
    // LMD: tembusan the Pimpinan UO where the officials work, in the other government.
    expect(toPyb!.text.replace(/\s+/g, ' ')).toMatch(/Tembusan.*Pimpinan Unit Organisasi tempat Pejabat Fungsional dan\/atau Pelaksana yang dibutuhkan berada, pada Pemerintah Kabupaten Kutai Kartanegara/);
    await bot.as(pyb).press('Setujui dan teruskan');
    expect((await request()).status).toBe('FORWARDED_TO_TARGET_PIMPINAN');

    await bot.as(admin).command('catatsurat');
    await bot.as(admin).press(/^Nomor 1:/);
    await bot.as(admin).press('Pimpinan Unit Organisasi dituju tidak menyetujui, dengan alasannya');
    await bot.as(admin).sendFile('file-penolakan', 'penolakan.pdf', 'application/pdf');
    await bot.as(admin).say('Tidak');
    expect(bot.lastText(admin)).toBe('Alasan terlalu singkat. Mohon tuliskan alasan minimal 10 karakter.');
    await bot.as(admin).command('batal');
    expect((await request()).status).toBe('FORWARDED_TO_TARGET_PIMPINAN');

    await recordLetter(bot, admin, 'Surat persetujuan Pimpinan Unit Organisasi dituju, dengan daftar pegawainya', { daftar: DAFTAR });
    expect((await request()).status).toBe('TARGET_APPROVED');
    // Huruf e-f: the SK rests on the PyB's letter to the owner, so the owner has no SK button before the PyB passes it on.
    expect(() => bot.findButton(requester, 'Tetapkan SK Tim Kerja')).toThrow();
    expect((await bot.as(requester).press('Teruskan ke pemilik kinerja', pyb)).status).toBe('refused');
    await bot.as(pyb).press('Teruskan ke pemilik kinerja');
    expect((await request()).status).toBe('RETURNED_TO_OWNER');
    expect(bot.inbox(requester).map(messageText)).toContainEqual('Persetujuan Pemerintah Kabupaten Kutai Kartanegara atas permohonan lintas instansi nomor 1 diteruskan kepada Bapak/Ibu oleh Sekretaris Daerah Uji (Pejabat yang Berwenang).');
    // Only the owner sets the team: the PyB may not.
    expect((await bot.as(pyb).press('Tetapkan SK Tim Kerja', requester)).status).toBe('refused');
    await bot.as(requester).press('Tetapkan SK Tim Kerja');
    expect((await request()).status).toBe('TEAM_DECREE_ISSUED');
    const sk = (await documentsOf(bot, ketua)).find((d) => d.fileName.startsWith('sk-tim-kerja'))!;
    const text = sk.text.replace(/\s+/g, ' ');
    expect(text).toContain('Rudi Hartono, S.Kom.');
    expect(text).toContain('198701012010011001');
    expect(text).toMatch(/Badan Pusat Data, Pemerintah .*Kabupaten Kutai .*Kartanegara/); // the cell wraps around the next column
  });

  it('Magelang: the Perwali has no penunjukan across governments; the command says so with its rule', async () => {
    const started = await lintasBot('MGL');
    bot = started.bot;
    const { requester } = started;
    const result = await bot.as(requester).command('mintainstansi');
    expect(result.status).toBe('refused');
    expect(bot.lastText(requester)).toBe('Peraturan yang berlaku di instansi ini tidak mengatur penunjukan lintas instansi (003-MGL Ps 11(2), 14(1) (penunjukan hanya dalam satu Perangkat Daerah dan/atau lintas Perangkat Daerah)).');
  });

  it('without a Pejabat yang Berwenang nothing is sent and the head is told whom to ask', async () => {
    const started = await lintasBot('SMD', (await import('../fixtures/smallOrganisation')).smallOrganisation('SMD'));
    bot = started.bot;
    const { requester } = started;
    await askAcrossInstansi(bot, requester);
    expect(bot.lastText(requester)).toBe('Instansi ini belum menetapkan Pejabat yang Berwenang untuk permohonan lintas instansi. Mohon hubungi admin instansi.');
    expect(await bot.db.pelibatanLintasInstansi.count()).toBe(0);
    expect(await bot.db.surat.count()).toBe(0);
  });

  it('/surat lists ten letters at a time, newest first, with the older ones a press away', async () => {
    const started = await lintasBot('SMD');
    bot = started.bot;
    const { requester, pyb } = started;
    for (let i = 0; i < 6; i += 1) {
      await askAcrossInstansi(bot, requester);
      await bot.as(pyb).press('Setujui dan teruskan');
      bot.clock.advance(60_000); // each pair of letters a minute apart
    }
    await bot.as(requester).command('surat');
    const first = bot.lastText(requester).split('\n').slice(1);
    expect(first).toHaveLength(10);
    // The last pair first; a pair issued in one minute reads in agenda order.
    expect(first.slice(0, 2)).toEqual([expect.stringMatching(/^- Surat permohonan pelibatan pegawai lintas instansi nomor 0011\//), expect.stringMatching(/^- Surat permohonan pelibatan kepada instansi lain nomor 0012\//)]);
    await bot.as(requester).press('Surat lebih lama');
    expect(bot.lastText(requester).split('\n').slice(1)).toEqual([
      expect.stringMatching(/^- Surat permohonan pelibatan pegawai lintas instansi nomor 0001\//), expect.stringMatching(/^- Surat permohonan pelibatan kepada instansi lain nomor 0002\//),
    ]);
    expect(() => bot.findButton(requester, 'Surat lebih lama')).not.toThrow(); // the first list's button, still there
    const last = bot.inbox(requester).at(-1);
    expect(last?.kind === 'choice' ? last.rows.flat().map((b) => b.label) : []).not.toContain('Surat lebih lama');
  });

  it('a PyB who links their chat account after the request arrived gets its card then', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, organisationWithPyb('SMD'));
    const requester = await org.link(NIP.kabidB);
    await askAcrossInstansi(bot, requester);
    const pyb = await org.link(NIP.sekda);
    expect(bot.inbox(pyb).map(messageText).filter((t) => t.startsWith('Permohonan lintas instansi nomor 1\nPemohon: Kabid Statistik Uji'))).toHaveLength(1);
    expect(bot.lastText(pyb)).toBe('Ada 1 permohonan yang menunggu keputusan Bapak/Ibu; pesannya dikirim ulang di atas.');
    await bot.as(pyb).press('Setujui dan teruskan');
    expect((await request()).status).toBe('FORWARDED_TO_TARGET_PYB');
  });

  it('the requesting head never decides their own request, not even as the Plh of the PyB (C7)', async () => {
    const organisation = organisationWithPyb('SMD');
    organisation.delegasi.push({ nipDari: NIP.sekda, nipKe: NIP.kabidB, jenis: 'PLH', lingkup: 'SEMUA', mulai: '2026-11-01', selesai: '2026-12-31' });
    const started = await lintasBot('SMD', organisation);
    bot = started.bot;
    const { requester, pyb } = started;
    await askAcrossInstansi(bot, requester);
    expect(bot.inbox(requester).map(messageText).filter((t) => t.startsWith('Permohonan lintas instansi nomor 1\nPemohon'))).toEqual([]);
    expect((await bot.as(requester).press('Setujui dan teruskan', pyb)).status).toBe('refused');
    expect((await request()).status).toBe('SUBMITTED_TO_OWN_PYB');
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(1);
  });

  it('Lamandau: the requesting head, as Plh of the PyB, may not pass the approval on to themself (C7)', async () => {
    const organisation = organisationWithPyb('LMD');
    organisation.delegasi.push({ nipDari: NIP.sekda, nipKe: NIP.kabidB, jenis: 'PLH', lingkup: 'SEMUA', mulai: '2026-11-01', selesai: '2026-12-31' });
    const started = await lintasBot('LMD', organisation);
    bot = started.bot;
    const { requester, pyb, admin } = started;
    await askAcrossInstansi(bot, requester);
    await bot.as(pyb).press('Setujui dan teruskan');
    await recordLetter(bot, admin, 'Surat persetujuan Pimpinan Unit Organisasi dituju, dengan daftar pegawainya', { daftar: DAFTAR });
    expect((await bot.as(requester).press('Teruskan ke pemilik kinerja', pyb)).status).toBe('refused');
    expect((await request()).status).toBe('TARGET_APPROVED');
    expect(await bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(1);
  });

  it('a PyB asking for a team of their own unit needs another PyB: nothing is sent where nobody else could decide', async () => {
    const organisation = organisationWithPyb('SMD');
    organisation.peran = organisation.peran.filter((r) => r.peran !== 'PEJABAT_BERWENANG');
    organisation.peran.push({ peran: 'PEJABAT_BERWENANG', nip: NIP.kabidB });
    const started = await lintasBot('SMD', organisation);
    bot = started.bot;
    await askAcrossInstansi(bot, started.requester);
    expect(bot.lastText(started.requester)).toMatch(/^Permohonan ini tidak dapat diputuskan oleh Bapak\/Ibu sendiri/);
    expect(await bot.db.pelibatanLintasInstansi.count()).toBe(0);
  });

  it('the Plh of the PyB decides atas nama, and the PyB is told (C6)', async () => {
    const organisation = organisationWithPyb('SMD');
    organisation.delegasi.push({ nipDari: NIP.sekda, nipKe: NIP.kadis, jenis: 'PLH', lingkup: 'SEMUA', mulai: '2026-11-01', selesai: '2026-12-31' });
    const started = await lintasBot('SMD', organisation);
    bot = started.bot;
    const { requester, pyb, kadis } = started;
    await askAcrossInstansi(bot, requester);
    await bot.as(kadis).press('Setujui dan teruskan');
    expect((await request()).status).toBe('FORWARDED_TO_TARGET_PYB');
    expect(bot.lastText(pyb)).toBe('Permohonan lintas instansi nomor 1 (Pemerintah Kabupaten Kutai Kartanegara) telah diputuskan atas nama Bapak/Ibu oleh Kepala Dinas Uji.');
    const outbound = (await documentsOf(bot, kadis)).find((d) => d.fileName.startsWith('permohonan-antar-instansi'))!;
    expect(outbound.text).toMatch(/a\.n\. JABATAN SEKRETARIS DAERAH UJI/);
    expect((await bot.db.peristiwaLintasInstansi.findFirstOrThrow({ where: { kind: 'DISETUJUI' } })).onBehalfOf).toBe(await started.org.idOf(NIP.sekda));
  });
});
