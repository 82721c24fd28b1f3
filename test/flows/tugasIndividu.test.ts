import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/admin/adminCli';
import { messageText, TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { pdfText } from '../helpers/pdfText';
import { remindersOf, tickAt } from '../scheduler/schedulerHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const TASK = 'Menyusun kajian arsitektur SPBE Kota Uji untuk tahun 2027';

async function assignTask(profile: string) {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation(profile));
  const head = await org.link(NIP.kabidA);
  const official = await org.link(NIP.pfMadya);
  const penilai = await org.link(NIP.kadis);
  await bot.as(head).command('tugaskan');
  await bot.as(head).press(/^Analis Madya Uji/);
  await bot.as(head).say('Kajian');
  expect(bot.lastText(head)).toBe('Uraian tugas terlalu singkat. Tuliskan minimal 10 karakter.');
  await bot.as(head).say(TASK);
  await bot.as(head).say('dua dokumen');
  expect(bot.lastText(head)).toMatch(/^Tuliskan target sebagai angka lalu satuan/);
  await bot.as(head).say('2 dokumen');
  // AC-08: the durasi is asked for, and nothing is issued before a valid one.
  await bot.as(head).say('2025-01-01');
  expect(bot.lastText(head)).toMatch(/^Tanggal harus berformat TTTT-BB-HH, setelah hari ini/);
  await bot.as(head).say('2026-12-31');
  expect(bot.lastText(head)).toBe(`Terbitkan tugas individu untuk Analis Madya Uji?\nTugas: ${TASK}\nTarget: 2 dokumen\nBerlaku sampai: 31 Desember 2026`);
  await bot.as(head).press('Terbitkan');
  return { head, official, penilai };
}

async function letterOf(user: TestUser): Promise<string> {
  const letter = bot.inbox(user).find((m) => m.kind === 'document');
  return (await pdfText(Buffer.from(letter && letter.kind === 'document' ? letter.contentBase64 : '', 'base64'))).join('\n');
}

describe('individual tasks (WF-1 without a team, R2)', () => {
  it('lets the unit head give an individual task with its letter; it starts when accepted, reporting to the profile’s recipients', async () => {
    const { head, official } = await assignTask('SMD');
    expect(bot.lastText(head)).toBe('Tugas individu nomor 1 untuk Analis Madya Uji diterbitkan. Surat dikirim; tugas berlaku setelah yang bersangkutan menerimanya.');
    const pdf = (await letterOf(official)).replace(/\s+/g, ' ');
    expect(pdf).toContain('SURAT TUGAS');
    expect(pdf).toContain(`Melaksanakan tugas secara individu pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika: ${TASK}, dengan target kinerja 2 dokumen`);
    // Samarinda: the head of the owner unit (Ps 13(1)) and the Penilai (Lamp. tanggung jawab e.3).
    expect(pdf).toMatch(/Melaporkan pelaksanaan tugas secara langsung kepada .*\(Kabid Aptika Uji\) dan .*\(Kepala Dinas Uji\)/);
    expect(bot.inbox(official).map(messageText)).toContainEqual(expect.stringMatching(/^Tugas individu nomor 1 dari Kabid Aptika Uji:\nMenyusun kajian/));
    expect(await bot.db.penugasan.findFirstOrThrow()).toMatchObject({ role: 'INDIVIDU', status: 'ISSUED', timId: null });

    await bot.as(official).press('Terima penugasan');
    expect(bot.lastText(official)).toBe('Tugas individu diterima. Laporan kemajuannya diisi dengan /lapor dan langsung sampai kepada Kabid Aptika Uji, Kepala Dinas Uji.');
    expect(bot.lastText(head)).toBe(`Analis Madya Uji menerima tugas individu nomor 1: ${TASK}.`);
    expect(await bot.db.penugasan.findFirstOrThrow({ include: { targets: true } })).toMatchObject({ status: 'ACTIVE', targets: [{ indikator: TASK, target: 2, satuan: 'dokumen' }] });
    expect(await bot.db.membership.count({ where: { pegawaiId: official.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-DATA' } } })).toBe(1);
    await bot.as(official).command('tugas');
    expect(bot.lastText(official)).toContain(`- tugas individu: ${TASK} (perorangan), unit pemilik kinerja Bidang Aplikasi Informatika, sampai 31 Desember 2026`);
  });

  it('reports on the task straight to the profile’s recipients (not the ketua tim), who give feedback; the export has it', async () => {
    const { head, official, penilai } = await assignTask('SMD');
    await bot.as(official).press('Terima penugasan');
    const ketua = await bot.link((await bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfMuda } })).id, 'ketua');

    await bot.as(official).command('lapor');
    expect(bot.lastText(official)).toMatch(/^Laporan kemajuan minggu ini:[\s\S]*tugas individu: Menyusun kajian[\s\S]*Pilih tim yang akan dilaporkan:$/);
    await bot.as(official).press(/^tugas individu: Menyusun kajian/);
    expect(bot.lastText(official)).toBe(`Capaian untuk indikator "${TASK}" (target 2 dokumen)? Tuliskan angkanya saja, misalnya 12.`);
    for (const answer of ['1', 'Mengumpulkan data aplikasi perangkat daerah', 'Draf bab 1']) await bot.as(official).say(answer);
    await bot.as(official).press('Lanjut');
    await bot.as(official).press('Tidak ada kendala');
    await bot.as(official).say('Menyusun bab 2');
    expect(bot.lastText(official)).toMatch(/^Laporan kemajuan tugas individu: Menyusun kajian/);
    await bot.as(official).press('Kirim');
    expect(bot.lastText(official)).toBe('Laporan kemajuan tugas individu: Menyusun kajian arsitektur SPBE Kota Uji untuk tahun 2027 telah dikirim kepada Kabid Aptika Uji, Kepala Dinas Uji.');

    for (const reader of [head, penilai]) expect(bot.lastText(reader)).toMatch(/^Laporan kemajuan dari Analis Madya Uji \(NIP 198004042005012004\)\n\nLaporan kemajuan tugas individu: Menyusun kajian[\s\S]*- Menyusun kajian arsitektur SPBE Kota Uji untuk tahun 2027: 1 dokumen dari 2/);
    expect(bot.inbox(ketua).map(messageText).some((m) => m.includes('tugas individu'))).toBe(false);
    const report = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'KEMAJUAN_INDIVIDU' }, include: { addressees: true } });
    expect(report.addressees.map((a) => a.capacity).sort()).toEqual(['PENILAI', 'PIMPINAN_UO_PEMILIK']);

    await bot.as(penilai).press('Komentari');
    await bot.as(penilai).say('Sertakan peta aplikasi per perangkat daerah');
    expect(bot.lastText(official)).toMatch(/^Umpan balik atas laporan kemajuan tugas individu: Menyusun kajian .*: Dikomentari oleh Kepala Dinas Uji/);
    await bot.as(head).press('Terima');
    expect(bot.lastText(official)).toMatch(/DITERIMA oleh Kabid Aptika Uji/);

    const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-export-'));
    const out = { line: () => {}, error: (text: string) => { throw new Error(text); } };
    await runAdmin(['export', '--dari', '2026-11-01', '--sampai', '2026-11-30', '--nip', NIP.pfMadya, '--keluaran', path.join(dir, 'i.csv')], bot.db, {}, out, bot.clock.now());
    const rows = parse(readFileSync(path.join(dir, 'i.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row['Tim kerja'], row['Jenis laporan'], row.Capaian, row.Target])).toEqual([[`tugas individu: ${TASK}`, 'KEMAJUAN_INDIVIDU', '1', '2']]);
  });

  it('is reminded before it is due, in the same message as the official’s team report', async () => {
    const { official } = await assignTask('SMD');
    await bot.as(official).press('Terima penugasan');
    // Default cadence: due Friday 15:00 WITA; the first rung is a day before.
    await tickAt(bot, '2026-11-26T07:00:30Z');
    const reminder = remindersOf(bot, official).at(-1) ?? '';
    expect(reminder).toContain('Tim Satu Data');
    expect(reminder).toContain(`tugas individu: ${TASK}`);
  });

  it('submits the task’s result against its target up the owner unit’s review chain (WF-9, R9)', async () => {
    const { head, official, penilai } = await assignTask('SMD');
    await bot.as(official).press('Terima penugasan');
    await bot.as(official).command('hasil');
    expect(bot.lastText(official)).toBe(`Uraikan hasil kerja tugas individu: ${TASK} yang sudah sesuai dengan target.`);
    await bot.as(official).say('Kajian arsitektur SPBE selesai dan telah dipaparkan');
    await bot.as(official).press(TASK);
    await bot.as(official).say('2');
    expect(bot.lastText(official)).toBe('Hasil nomor 1 diajukan kepada Kabid Aptika Uji untuk ditinjau.');
    expect(bot.lastText(head)).toMatch(new RegExp(`^Hasil kerja nomor 1 untuk ditinjau \\(tahap 1 dari 2\\)\\nPekerjaan: tugas individu: ${TASK}\\nDiajukan oleh: Analis Madya Uji\\nTarget: ${TASK}: 2 dari 2 dokumen`));
    await bot.as(head).press('Teruskan');
    await bot.as(penilai).press('Terima (selesai)');
    expect(bot.lastText(official)).toMatch(/^Hasil kerja nomor 1, tugas individu: Menyusun kajian .*: DITERIMA \(SELESAI\) oleh Kepala Dinas Uji/);
    expect(await bot.db.evaluasi.findFirstOrThrow()).toMatchObject({ status: 'ACCEPTED', timId: null, nilai: 2 });
  });

  it('AC-50: a report on a task owned by another unit goes to that unit’s head, not the official’s own (Karanganyar)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('KRA'));
    const official = await org.link(NIP.pfPertama); // placed in Bidang Statistik
    const ownerHead = await org.link(NIP.kabidA);
    const homeHead = await org.link(NIP.kabidB);
    // A task of Bidang Aplikasi Informatika for an official placed elsewhere, as recorded by the owner.
    const owner = await bot.db.unitOrganisasi.findFirstOrThrow({ where: { code: 'DISKOMINFO.APTIKA' } });
    await bot.db.penugasan.create({
      data: {
        instansiId: owner.instansiId, number: 1, workflow: 'WF-1', mode: 'PENUNJUKAN', scope: 'LINTAS_UO', status: 'ACTIVE', role: 'INDIVIDU',
        pegawaiId: official.pegawaiId, assignerId: ownerHead.pegawaiId, ownerUnitId: owner.id, startsOn: bot.clock.now(), endsOn: new Date('2026-12-31T16:00:00Z'),
        details: JSON.stringify({ tugas: 'Menyusun katalog data aplikasi' }),
        targets: { create: [{ subKegiatan: '-', sasaran: '-', indikator: 'Katalog data aplikasi', target: 1, satuan: 'dokumen' }] },
      },
    });
    await bot.as(official).command('lapor'); // the only thing to report on: straight into it
    expect(bot.lastText(official)).toBe('Capaian untuk indikator "Katalog data aplikasi" (target 1 dokumen)? Tuliskan angkanya saja, misalnya 12.');
    for (const answer of ['1', 'Menginventarisasi aplikasi', '-']) await bot.as(official).say(answer);
    await bot.as(official).press('Lanjut');
    await bot.as(official).press('Tidak ada kendala');
    await bot.as(official).say('Finalisasi katalog');
    await bot.as(official).press('Kirim');

    expect(bot.lastText(ownerHead)).toMatch(/^Laporan kemajuan dari Statistisi Pertama Uji/);
    expect(bot.inbox(homeHead).map(messageText).some((m) => m.includes('Menyusun katalog'))).toBe(false);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'laporan.kirim' } })).toMatchObject({ rule: '004-KRA Ps 14(1)' });
  });

  it('closes the task a day after its last day, tells the official and the issuer once, and asks for no more reports', async () => {
    const { head, official } = await assignTask('SMD');
    await bot.as(official).press('Terima penugasan');
    await tickAt(bot, '2026-12-31T12:00:00Z'); // the last day (WITA): still running
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ACTIVE');
    await tickAt(bot, '2027-01-01T16:00:30Z'); // a day after the task's end
    await tickAt(bot, '2027-01-01T16:01:30Z');
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('ENDED');
    const ended = (user: TestUser) => bot.inbox(user).map(messageText).filter((m) => m.includes('berakhir pada'));
    expect(ended(official)).toEqual([`Tugas individu nomor 1 (${TASK}) berakhir pada 31 Desember 2026 dan kini ditutup. Laporan kemajuan berikutnya tidak diperlukan.`]);
    expect(ended(head)).toHaveLength(1);
    await bot.as(official).command('tugas');
    expect(bot.lastText(official)).not.toContain('tugas individu');
  });

  it('sends an objection back to whoever gave the task, naming the task, and the task does not start', async () => {
    const { head, official } = await assignTask('SMD');
    await bot.as(official).press('Ajukan keberatan');
    await bot.as(official).say('Sedang menyusun laporan akhir tahun sampai pertengahan Desember');
    expect(bot.lastText(head)).toBe(`Keberatan atas penugasan nomor 1 (tugas individu: ${TASK}) dari Analis Madya Uji: Sedang menyusun laporan akhir tahun sampai pertengahan Desember`);
    expect((await bot.db.penugasan.findFirstOrThrow()).status).toBe('OBJECTED');
    const before = bot.inbox(official).length;
    await bot.as(official).command('lapor'); // only the team remains to report on
    expect(bot.inbox(official).slice(before).map(messageText).join('\n')).toMatch(/^Laporan kemajuan Tim Satu Data/);
    expect(bot.inbox(official).slice(before).map(messageText).join('\n')).not.toContain('tugas individu');
  });

  it('follows the profile: in Magelang the Penilai gives the task, only to those they appraise', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('MGL'));
    const kabid = await org.link(NIP.kabidA);
    await bot.as(kabid).command('tugaskan');
    const offered = bot.inbox(kabid).at(-1)!;
    const names = offered.kind === 'choice' ? offered.rows.flat().map((b) => b.label) : [];
    expect(names).toEqual(['Pranata Muda Uji (Bidang Aplikasi Informatika)', 'Batal']);
  });

  it('is refused to someone who may not give tasks, and changes nothing', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const official = await org.link(NIP.pelaksana);
    expect((await bot.as(official).command('tugaskan')).status).toBe('refused');
    expect(await bot.db.penugasan.count()).toBe(0);
  });
});
