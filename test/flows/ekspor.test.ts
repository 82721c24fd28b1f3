import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/admin/adminCli';
import { EXPORT_COLUMNS } from '../../src/core/domain/ekspor/exportRows';
import { TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function report(member: TestUser, capaian: string, kendala?: string) {
  await bot.as(member).command('lapor');
  for (const answer of [capaian, 'Menerbitkan dataset kependudukan', '-']) await bot.as(member).say(answer);
  await bot.as(member).press('Lanjut');
  if (kendala) await bot.as(member).say(kendala);
  else await bot.as(member).press('Tidak ada kendala');
  await bot.as(member).say('Menerbitkan dataset berikutnya');
  await bot.as(member).press('Kirim');
}

async function week() {
  bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation('SMD'));
  const ketua = await org.link(NIP.pfMuda);
  await report(await org.link(NIP.pfMadya), '12');
  await report(await org.link(NIP.pelaksana), '8', 'Jaringan kantor lambat');
  await bot.as(ketua).press('Terima');
  return { ketua };
}

async function readXlsx(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
  return { laporan: values('Laporan'), ringkasan: values('Ringkasan') };
}

describe('export for e-Kinerja and the Inspektorat', () => {
  it('writes an XLSX whose rows, columns and totals match the reports, and the same rows as CSV', async () => {
    await week();
    const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-export-'));
    const out = { line: () => {}, error: (t: string) => { throw new Error(t); } };
    expect(await runAdmin(['export', '--dari', '2026-11-01', '--sampai', '2026-11-30', '--tim', 'TIM-DATA', '--keluaran', path.join(dir, 'l.xlsx')], bot.db, {}, out, bot.clock.now())).toBe(0);
    expect(await runAdmin(['export', '--dari', '2026-11-01', '--sampai', '2026-11-30', '--keluaran', path.join(dir, 'l.csv')], bot.db, {}, out, bot.clock.now())).toBe(0);

    const { laporan, ringkasan } = await readXlsx(readFileSync(path.join(dir, 'l.xlsx')));
    expect(laporan[0]).toEqual(EXPORT_COLUMNS.map(([, header]) => header));
    expect(laporan).toHaveLength(3);
    const column = (name: string) => laporan[0]!.indexOf(name);
    expect(laporan.slice(1).map((row) => [row[column('Nama')], row[column('Capaian')], row[column('Kendala')], row[column('Terlambat')]])).toEqual([
      ['Analis Madya Uji', 12, '', 'tidak'], ['Pelaksana Uji', 8, 'Jaringan kantor lambat', 'tidak'],
    ]);
    expect(String(laporan[2]![column('Umpan balik')])).toBe('ACK Pranata Muda Uji');
    expect(ringkasan).toEqual([['Indikator', 'Satuan', 'Jumlah capaian', 'Jumlah laporan'], ['Dataset terbit', 'dataset', 20, 2]]);

    const csv = parse(readFileSync(path.join(dir, 'l.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((row) => [row.NIP, row.Capaian, row['Tim kerja']])).toEqual([[NIP.pfMadya, '12', 'Tim Satu Data'], [NIP.pelaksana, '8', 'Tim Satu Data']]);
  });

  it('sends the ketua tim an XLSX of the team’s reports from the chat', async () => {
    const { ketua } = await week();
    await bot.as(ketua).command('ekspor');
    await bot.as(ketua).press('Tim Satu Data');
    await bot.as(ketua).press('Bulan ini');
    await bot.as(ketua).press('XLSX');
    const document = bot.inbox(ketua).at(-1)!;
    expect(document).toMatchObject({ kind: 'document', fileName: 'laporan-TIM-DATA-2026-11.xlsx', caption: 'Ekspor laporan Tim Satu Data, periode 2026-11: 2 baris.' });
    const { ringkasan } = await readXlsx(Buffer.from(document.kind === 'document' ? document.contentBase64 : '', 'base64'));
    expect(ringkasan[1]).toEqual(['Dataset terbit', 'dataset', 20, 2]);
  });
});

describe('bukti dukung in exports', () => {
  it('lists each file with a code (a t.me link when the bot is known) that brings it back to the report’s readers only', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda);
    const member = await org.link(NIP.pfMadya);
    const stranger = await org.link(NIP.pelaksana);
    await bot.as(member).command('lapor');
    for (const answer of ['12', 'Menerbitkan dataset kependudukan', '-']) await bot.as(member).say(answer);
    await bot.as(member).sendFile('AgACphoto1');
    await bot.as(member).sendFile('BQACdoc2', 'notulen.pdf', 'application/pdf');
    await bot.as(member).press('Lanjut');
    await bot.as(member).press('Tidak ada kendala');
    await bot.as(member).say('Menerbitkan dataset berikutnya');
    await bot.as(member).press('Kirim');

    const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-export-'));
    const out = { line: () => {}, error: (t: string) => { throw new Error(t); } };
    await runAdmin(['export', '--dari', '2026-11-01', '--sampai', '2026-11-30', '--keluaran', path.join(dir, 'b.csv')], bot.db, { TELEGRAM_BOT_USERNAME: 'timkerja_bot' }, out, bot.clock.now());
    const [row] = parse(readFileSync(path.join(dir, 'b.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    const attachments = await bot.db.laporanAttachment.findMany({ orderBy: { createdAt: 'asc' } });
    expect(row!['Bukti dukung']).toBe(`foto <https://t.me/timkerja_bot?start=bukti_${attachments[0]!.id}>; notulen.pdf <https://t.me/timkerja_bot?start=bukti_${attachments[1]!.id}>`);

    await bot.as(ketua).command('bukti', attachments[1]!.id);
    expect(bot.inbox(ketua).at(-1)).toMatchObject({ kind: 'attachment', fileId: 'BQACdoc2', caption: 'Bukti dukung laporan Analis Madya Uji' });
    expect((await bot.as(stranger).command('bukti', attachments[1]!.id)).status).toBe('refused');
    expect(bot.lastText(stranger)).toMatch(/tidak ditemukan, atau Bapak\/Ibu bukan penulis maupun penerima/);
    await bot.as(member).command('bukti');
    expect(bot.lastText(member)).toMatch(/^Tuliskan kode bukti dukung/);
  });
});

describe('export boundaries', () => {
  it('gives the owner unit’s head no member reports (R1) and neutralises formulas in CSV cells', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const head = await org.link(NIP.kabidA);
    await report(await org.link(NIP.pfMadya), '12', '=HYPERLINK("http://contoh.invalid","klik")');
    await bot.as(head).command('ekspor');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press('Bulan ini');
    await bot.as(head).press('CSV');
    const document = bot.inbox(head).at(-1)!;
    expect(document).toMatchObject({ kind: 'document', caption: 'Ekspor laporan Tim Satu Data, periode 2026-11: 0 baris.' });

    const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-export-'));
    const out = { line: () => {}, error: (t: string) => { throw new Error(t); } };
    await runAdmin(['export', '--dari', '2026-11-01', '--sampai', '2026-11-30', '--keluaran', path.join(dir, 'x.csv')], bot.db, {}, out, bot.clock.now());
    const rows = parse(readFileSync(path.join(dir, 'x.csv'), 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]!.Kendala).toBe(`'=HYPERLINK("http://contoh.invalid","klik")`);
  });
});
