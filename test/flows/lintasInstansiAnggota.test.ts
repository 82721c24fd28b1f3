import { afterEach, describe, expect, it } from 'vitest';
import { messageText, type TestBot, type TestUser } from '../helpers/botHarness';
import { documentsOf } from '../helpers/involvement';
import { askedAndInstructed, namePranata, organisationWithPyb, SEBERANG, twoGovernments } from '../helpers/lintasInstansi';
import { loadOrganisation } from '../helpers/organisationBot';
import { tickAt } from '../scheduler/schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const texts = (user: TestUser) => bot.inbox(user).map(messageText);

/**
 * Kota Uji asks Kabupaten Seberang (both Samarinda's rule) for two officials for its Tim
 * Statistik Sektoral; Seberang's Kabid Aptika names both, its PyB approves the answer, and the
 * Kabid issues their surat penugasan.
 */
async function issuedToBoth(seberangZone?: string) {
  const started = await twoGovernments('SMD', 'SMD', undefined, seberangZone ? { zonaWaktu: seberangZone } : {});
  bot = started.bot;
  await askedAndInstructed(bot, started);
  await namePranata(bot, started.seberang.kabidAptika, '1, 2');
  await bot.as(started.seberang.pyb).press('Setujui');
  await bot.as(started.seberang.kabidAptika).press('Terbitkan surat penugasan');
  const tim = await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-STAT', instansi: { name: 'Pemerintah Kota Uji' } } });
  return { ...started, tim };
}

/** Answers an open /lapor of a team without targets (progress in percent first) and sends it. */
async function answerReport(member: TestUser) {
  await bot.as(member).say('40');
  await bot.as(member).say('Menyusun metadata statistik sektoral kependudukan');
  await bot.as(member).say('Metadata 12 dataset');
  await bot.as(member).press('Lanjut');
  await bot.as(member).press('Tidak ada kendala');
  await bot.as(member).say('Menyelesaikan metadata berikutnya');
  await bot.as(member).press('Kirim');
}

const seatIn = (timId: string, user: TestUser) => bot.db.membership.findFirst({ where: { timId, pegawaiId: user.pegawaiId } });

describe('officials another government assigns to our team, when both run timkerja (WF-3 T6-T7)', () => {
  it('each confirms their surat penugasan, then is a member of the requesting team and reports to its ketua, who answers', async () => {
    const { tim, ketua, requester, seberang } = await issuedToBoth();
    const { pranata } = seberang;
    const assignments = await bot.db.penugasan.findMany({ orderBy: { number: 'asc' }, include: { instansi: true } });
    expect(assignments.map((p) => [p.instansi.name, p.workflow, p.scope, p.status, p.timId, p.assignerId])).toEqual([
      [SEBERANG, 'WF-3', 'LINTAS_INSTANSI', 'ISSUED', tim.id, seberang.kabidAptika.pegawaiId],
      [SEBERANG, 'WF-3', 'LINTAS_INSTANSI', 'ISSUED', tim.id, seberang.kabidAptika.pegawaiId],
    ]);
    // Each letter is filed with its assignment, so it stays retrievable with it.
    const letters = await bot.db.surat.findMany({ where: { kind: 'SURAT_PENUGASAN' } });
    expect(letters.map((l) => l.penugasanId).sort()).toEqual(assignments.map((p) => p.id).sort());
    expect((await documentsOf(bot, pranata)).map((d) => d.fileName)).toEqual([expect.stringMatching(/^surat-penugasan-/)]);
    expect(texts(pranata)).toContainEqual(expect.stringMatching(
      /^Penunjukan nomor \d dari Kabid Aptika Uji: Bapak\/Ibu ditunjuk sebagai anggota Tim Statistik Sektoral \(Pemerintah Kota Uji\) sampai 31 Desember 2026\.\n/,
    ));
    // Not a member, and nothing to report, before the "Terima" (item 10).
    expect(await seatIn(tim.id, pranata)).toBeNull();
    expect((await bot.as(pranata).command('lapor')).status).toBe('refused');

    await bot.as(pranata).press('Terima penugasan');
    expect(await seatIn(tim.id, pranata)).toMatchObject({ role: 'ANGGOTA', status: 'ACTIVE' });
    const joined = 'Pranata Muda Uji (Jabatan Pranata Muda Uji, Pemerintah Kabupaten Seberang) menerima surat penugasan dari instansinya dan kini anggota Tim Statistik Sektoral (permohonan lintas instansi nomor 1).';
    expect(texts(ketua)).toContain(joined);
    expect(texts(requester)).toContain(joined); // the owner unit's head (S12)
    // Their government's letter assigns them as anggota: the owner head may not make them ketua here.
    await bot.as(requester).command('tunjukketua');
    await bot.as(requester).press('Tim Statistik Sektoral');
    const offered = bot.inbox(requester).at(-1);
    expect(offered?.kind === 'choice' ? offered.rows.flat().map((b) => b.label) : ['no choice']).not.toContainEqual(expect.stringMatching(/^Pranata Muda Uji/));
    await bot.as(requester).command('batal');
    // Kota Uji's admin imports its organisation again: the seat is the assignment's, not the file's.
    await loadOrganisation(bot, organisationWithPyb('SMD'));
    expect(await seatIn(tim.id, pranata)).toMatchObject({ status: 'ACTIVE' });

    await bot.as(pranata).command('tugas');
    expect(bot.lastText(pranata)).toContain('- Tim Statistik Sektoral (anggota), unit pemilik kinerja Bidang Statistik, Pemerintah Kota Uji, sampai 31 Desember 2026');
    await bot.as(pranata).command('lapor');
    await answerReport(pranata);
    expect(bot.lastText(pranata)).toBe('Laporan kemajuan Tim Statistik Sektoral telah dikirim kepada Statistisi Pertama Uji.');
    const laporan = await bot.db.laporan.findFirstOrThrow({ include: { instansi: true } });
    // The report belongs to the team's government: its ketua answers it and its digest counts it.
    expect(laporan.instansi.name).toBe('Pemerintah Kota Uji');
    expect(bot.lastText(ketua)).toMatch(/^Laporan kemajuan dari Pranata Muda Uji/);
    await bot.as(ketua).press('Terima');
    expect(bot.lastText(pranata)).toBe('Umpan balik ketua tim atas laporan kemajuan Tim Statistik Sektoral: DITERIMA oleh Statistisi Pertama Uji pada 23 November 2026 pukul 10.00.');
    // The ketua's weekly digest counts it: Friday 16.00 WITA.
    await tickAt(bot, '2026-11-27T08:00:00Z');
    expect(bot.lastText(ketua)).toMatch(/^Ringkasan mingguan Tim Statistik Sektoral, periode 23 November 2026 s\.d\. 29 November 2026[\s\S]*\n- Pranata Muda Uji: sudah melapor\n/);
  });

  it('a keberatan goes to the unit head who issued it; only that head cancels an accepted one, and the requesting team hears of it', async () => {
    const { tim, ketua, requester, seberang } = await issuedToBoth();
    const { pranata, analis, kabidAptika } = seberang;
    await bot.as(analis).press('Ajukan keberatan');
    await bot.as(analis).say('Sedang menyelesaikan audit data internal sampai Januari');
    expect(bot.lastText(kabidAptika)).toMatch(/^Keberatan atas penugasan nomor \d \(Tim Statistik Sektoral\) dari Analis Madya Uji: Sedang menyelesaikan audit/);
    expect(await seatIn(tim.id, analis)).toBeNull();

    await bot.as(pranata).press('Terima penugasan');
    // The requesting government did not issue it: its head may not cancel it (S3).
    expect((await bot.as(requester).command('batalkantugas')).status).toBe('refused');
    await bot.as(kabidAptika).command('batalkantugas');
    await bot.as(kabidAptika).press(/: Pranata Muda Uji$/);
    await bot.as(kabidAptika).say('Dibutuhkan kembali untuk proyek prioritas daerah');
    await bot.as(kabidAptika).press('Batalkan penugasan');
    expect(await seatIn(tim.id, pranata)).toMatchObject({ status: 'ENDED' });
    expect(bot.lastText(ketua)).toMatch(/^Penugasan nomor \d untuk Pranata Muda Uji \(Tim Statistik Sektoral\) dibatalkan oleh Kabid Aptika Uji\.\nAlasan: Dibutuhkan kembali/);
    expect((await bot.as(pranata).command('lapor')).status).toBe('refused');
  });

  it('from a government in another time zone: the assignment runs to the team\'s last day, and the report\'s week is the team\'s', async () => {
    const { tim, ketua, seberang } = await issuedToBoth('Asia/Jayapura'); // Kota Uji keeps WITA
    const { pranata } = seberang;
    await bot.as(pranata).press('Terima penugasan');
    expect((await seatIn(tim.id, pranata))!.endsOn).toEqual(tim.endsOn);
    await bot.as(pranata).command('lapor');
    // The due time is the member's own clock: Thursday 14.00 WITA is 15.00 WIT.
    expect(texts(pranata).at(-2)).toBe('Laporan kemajuan Tim Statistik Sektoral, periode 23 November 2026 s.d. 29 November 2026, batas waktu 26 November 2026 pukul 15.00.');
    expect((await bot.db.laporan.findFirstOrThrow()).periodStart).toEqual(new Date('2026-11-22T16:00:00Z')); // Monday 23 November, 00:00 WITA
    await answerReport(pranata);
    expect(bot.lastText(ketua)).toContain('\nPeriode: 23 November 2026 s.d. 29 November 2026\n');
  });
});

