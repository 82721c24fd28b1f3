import type { z } from 'zod';
import {
  DelegasiRowSchema, InstansiRowSchema, PegawaiRowSchema, PeranRowSchema, PerangkatDaerahRowSchema, TimRowSchema, UnitRowSchema,
} from './importSchema';
import { indonesianErrorMap as importErrorMap } from '../core/domain/indonesianErrorMap';
import type { ImportSource, Section, SourceRow } from './readImportFile';

export interface RowError {
  line: number;
  section: Section | 'instansi';
  field: string;
  reason: string;
}

export interface Lined<T> { line: number; row: T }

export interface ImportPlan {
  instansi: z.infer<typeof InstansiRowSchema> | null;
  perangkatDaerah: Lined<z.infer<typeof PerangkatDaerahRowSchema>>[];
  unitOrganisasi: Lined<z.infer<typeof UnitRowSchema>>[];
  pegawai: Lined<z.infer<typeof PegawaiRowSchema>>[];
  peran: Lined<z.infer<typeof PeranRowSchema>>[];
  delegasi: Lined<z.infer<typeof DelegasiRowSchema>>[];
  timKerja: Lined<z.infer<typeof TimRowSchema>>[];
}

/** What the database already holds for this instansi, so a CSV may refer to it. */
export interface ExistingKeys {
  perangkatDaerah: Set<string>;
  units: Map<string, string | null>; // code → parent code
  nips: Set<string>;
}

const ROW_SCHEMAS: Record<Section, z.ZodType> = {
  perangkatDaerah: PerangkatDaerahRowSchema, unitOrganisasi: UnitRowSchema, pegawai: PegawaiRowSchema,
  peran: PeranRowSchema, delegasi: DelegasiRowSchema, timKerja: TimRowSchema,
};

/** Parses every row and checks every reference; returns all errors at once, or a plan. */
export function validateImport(source: ImportSource, existing: ExistingKeys): { errors: RowError[]; plan: ImportPlan } {
  const errors: RowError[] = [];
  const plan: ImportPlan = { instansi: null, perangkatDaerah: [], unitOrganisasi: [], pegawai: [], peran: [], delegasi: [], timKerja: [] };
  if (source.format === 'json') {
    const parsed = InstansiRowSchema.safeParse(source.instansi, { error: importErrorMap });
    if (parsed.success) plan.instansi = parsed.data;
    else for (const issue of parsed.error.issues) errors.push({ line: 1, section: 'instansi', field: issue.path.join('.') || 'instansi', reason: issue.message });
  }
  for (const source_row of source.rows) parseRow(source_row, plan, errors);
  checkUniqueness(plan, errors);
  checkReferences(plan, existing, errors);
  return { errors: errors.sort((a, b) => a.line - b.line), plan };
}

function parseRow(source: SourceRow, plan: ImportPlan, errors: RowError[]): void {
  const parsed = ROW_SCHEMAS[source.section].safeParse(source.value, { error: importErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push({ line: source.line, section: source.section, field: issue.path.join('.') || '(baris)', reason: issue.message });
    return;
  }
  (plan[source.section] as Lined<unknown>[]).push({ line: source.line, row: parsed.data });
}

function checkUniqueness(plan: ImportPlan, errors: RowError[]): void {
  const dup = <T>(section: Section, rows: Lined<T>[], key: (row: T) => string, field: string, what: string) => {
    const seen = new Map<string, number>();
    for (const { line, row } of rows) {
      const value = key(row);
      const first = seen.get(value);
      if (first !== undefined) errors.push({ line, section, field, reason: `${what} ${value} sudah muncul di baris ${first}` });
      else seen.set(value, line);
    }
  };
  dup('perangkatDaerah', plan.perangkatDaerah, (r) => r.kode, 'kode', 'kode perangkat daerah');
  dup('unitOrganisasi', plan.unitOrganisasi, (r) => r.kode, 'kode', 'kode unit');
  dup('pegawai', plan.pegawai, (r) => r.nip, 'nip', 'NIP');
  dup('timKerja', plan.timKerja, (r) => r.kode, 'kode', 'kode tim');
  dup('peran', plan.peran, (r) => `${r.peran}/${r.nip}`, 'nip', 'peran');
}

function checkReferences(plan: ImportPlan, existing: ExistingKeys, errors: RowError[]): void {
  const pds = new Set([...existing.perangkatDaerah, ...plan.perangkatDaerah.map((r) => r.row.kode)]);
  const parents = new Map(existing.units);
  for (const { row } of plan.unitOrganisasi) parents.set(row.kode, row.kodeInduk ?? null);
  const nips = new Set([...existing.nips, ...plan.pegawai.map((r) => r.row.nip)]);
  const need = (ok: boolean, line: number, section: Section, field: string, reason: string) => {
    if (!ok) errors.push({ line, section, field, reason });
  };
  for (const { line, row } of plan.perangkatDaerah) {
    if (row.nipKepala) need(nips.has(row.nipKepala), line, 'perangkatDaerah', 'nipKepala', `pegawai dengan NIP ${row.nipKepala} tidak ditemukan`);
  }
  for (const { line, row } of plan.unitOrganisasi) {
    need(pds.has(row.kodePerangkatDaerah), line, 'unitOrganisasi', 'kodePerangkatDaerah', `perangkat daerah ${row.kodePerangkatDaerah} tidak ditemukan`);
    if (row.kodeInduk) need(parents.has(row.kodeInduk), line, 'unitOrganisasi', 'kodeInduk', `unit induk ${row.kodeInduk} tidak ditemukan`);
    need(!hasCycle(row.kode, parents), line, 'unitOrganisasi', 'kodeInduk', 'susunan unit induk membentuk lingkaran');
    if (row.nipPimpinan) need(nips.has(row.nipPimpinan), line, 'unitOrganisasi', 'nipPimpinan', `pegawai dengan NIP ${row.nipPimpinan} tidak ditemukan`);
  }
  for (const { line, row } of plan.pegawai) {
    need(parents.has(row.kodeUnit), line, 'pegawai', 'kodeUnit', `unit ${row.kodeUnit} tidak ditemukan`);
    if (row.nipPenilai) {
      need(nips.has(row.nipPenilai), line, 'pegawai', 'nipPenilai', `Penilai dengan NIP ${row.nipPenilai} tidak ditemukan`);
      need(row.nipPenilai !== row.nip, line, 'pegawai', 'nipPenilai', 'pegawai tidak dapat menjadi Penilai bagi dirinya sendiri');
    }
  }
  for (const { line, row } of plan.peran) need(nips.has(row.nip), line, 'peran', 'nip', `pegawai dengan NIP ${row.nip} tidak ditemukan`);
  for (const { line, row } of plan.delegasi) {
    need(nips.has(row.nipDari), line, 'delegasi', 'nipDari', `pegawai dengan NIP ${row.nipDari} tidak ditemukan`);
    need(nips.has(row.nipKe), line, 'delegasi', 'nipKe', `pegawai dengan NIP ${row.nipKe} tidak ditemukan`);
    need(row.mulai <= row.selesai, line, 'delegasi', 'selesai', 'tanggal selesai sebelum tanggal mulai');
  }
  for (const { line, row } of plan.timKerja) {
    need(parents.has(row.kodeUnitPemilik), line, 'timKerja', 'kodeUnitPemilik', `unit ${row.kodeUnitPemilik} tidak ditemukan`);
    need(row.mulai <= row.selesai, line, 'timKerja', 'selesai', 'tanggal selesai sebelum tanggal mulai');
    need(row.anggota.filter((a) => a.peran === 'KETUA').length <= 1, line, 'timKerja', 'anggota', 'tim hanya boleh memiliki satu ketua');
    for (const [index, member] of row.anggota.entries()) {
      need(nips.has(member.nip), line, 'timKerja', `anggota.${index}.nip`, `pegawai dengan NIP ${member.nip} tidak ditemukan`);
    }
    need(new Set(row.anggota.map((a) => a.nip)).size === row.anggota.length, line, 'timKerja', 'anggota', 'NIP anggota ganda dalam satu tim');
  }
}

function hasCycle(start: string, parents: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let code: string | null | undefined = start; code; code = parents.get(code)) {
    if (seen.has(code)) return true;
    seen.add(code);
  }
  return false;
}
