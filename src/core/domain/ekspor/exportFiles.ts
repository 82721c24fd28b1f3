import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, type ExportRow } from './exportRows';

function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  const text = typeof value === 'string' && /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header row, UTF-8 with BOM so spreadsheet programs read Indonesian names correctly. */
export function toCsv(rows: ExportRow[]): Buffer {
  const lines = [EXPORT_COLUMNS.map(([, header]) => csvCell(header)).join(','), ...rows.map((row) => EXPORT_COLUMNS.map(([key]) => csvCell(row[key])).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** XLSX with the rows, and a "Ringkasan" sheet: capaian totals per indikator and satuan. */
export async function toXlsx(rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'timkerja';
  const sheet = workbook.addWorksheet('Laporan');
  sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ header, key, width: Math.max(12, header.length + 2) }));
  sheet.addRows(rows);
  sheet.getRow(1).font = { bold: true };
  const summary = workbook.addWorksheet('Ringkasan');
  summary.columns = [{ header: 'Indikator', key: 'indikator', width: 40 }, { header: 'Satuan', key: 'satuan', width: 14 }, { header: 'Jumlah capaian', key: 'total', width: 16 }, { header: 'Jumlah laporan', key: 'laporan', width: 16 }];
  const totals = new Map<string, { indikator: string; satuan: string; total: number; laporan: number }>();
  for (const row of rows) {
    if (row.capaian === null) continue;
    const key = `${row.indikator}\u0000${row.satuan}`;
    const entry = totals.get(key) ?? { indikator: row.indikator, satuan: row.satuan, total: 0, laporan: 0 };
    entry.total += row.capaian;
    entry.laporan += 1;
    totals.set(key, entry);
  }
  summary.addRows([...totals.values()]);
  summary.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
