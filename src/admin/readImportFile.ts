import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { jsonElementLines } from './jsonElementLines';

export const SECTIONS = ['perangkatDaerah', 'unitOrganisasi', 'pegawai', 'peran', 'delegasi', 'timKerja'] as const;
export type Section = (typeof SECTIONS)[number];

export interface SourceRow {
  section: Section;
  line: number;
  value: unknown;
}

export interface ImportSource {
  format: 'json' | 'csv';
  instansi: unknown;
  rows: SourceRow[];
}

export class ImportFileError extends Error {}

// A CSV file holds one section; which one follows from its header.
const CSV_SIGNATURES: Array<[Section, string[]]> = [
  ['pegawai', ['nip', 'nama', 'jenisJabatan', 'kodeUnit']],
  ['unitOrganisasi', ['kode', 'nama', 'kodePerangkatDaerah', 'tipeUnit']],
  ['perangkatDaerah', ['kode', 'nama', 'jenis']],
  ['peran', ['peran', 'nip']],
];

export function readImportFile(file: string): ImportSource {
  const extension = file.toLowerCase().endsWith('.json') ? 'json' : file.toLowerCase().endsWith('.csv') ? 'csv' : null;
  if (!extension) throw new ImportFileError('Format berkas tidak dikenal: gunakan berkas .json atau .csv.');
  return readImportText(readFileSync(file, 'utf8'), extension);
}

export function readImportText(content: string, format: 'json' | 'csv'): ImportSource {
  const text = content.replace(/^\uFEFF/, '');
  return format === 'json' ? readJson(text) : readCsv(text);
}

function readJson(content: string): ImportSource {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(content) as Record<string, unknown>;
  } catch (error) {
    throw new ImportFileError(`Berkas JSON tidak dapat dibaca: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ImportFileError('Berkas JSON harus berupa objek dengan kunci "instansi".');
  const lines = jsonElementLines(content);
  const rows: SourceRow[] = [];
  for (const section of SECTIONS) {
    const items = data[section];
    if (items === undefined) continue;
    if (!Array.isArray(items)) throw new ImportFileError(`Kunci "${section}" harus berupa daftar (array).`);
    items.forEach((value, index) => rows.push({ section, line: lines.get(section)?.[index] ?? 0, value }));
  }
  return { format: 'json', instansi: data.instansi, rows };
}

function readCsv(content: string): ImportSource {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, info: true, delimiter: [',', ';'] });
  } catch (error) {
    throw new ImportFileError(`Berkas CSV tidak dapat dibaca: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0]?.record ?? {});
  const section = CSV_SIGNATURES.find(([, columns]) => columns.every((c) => header.includes(c)))?.[0];
  if (!section) {
    throw new ImportFileError(`Kepala kolom CSV tidak dikenali (${header.join(', ')}). Lihat README bagian "Format impor".`);
  }
  const rows = records.map(({ record, info }) => ({ section, line: info.lines, value: withoutEmpty(record) }));
  return { format: 'csv', instansi: undefined, rows };
}

// An empty CSV cell means "not given", like an absent JSON key.
function withoutEmpty(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ''));
}
