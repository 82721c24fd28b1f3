import type { PolicyProfile } from '../core/policy/policyProfile';
import type { ImportSource } from './readImportFile';
import type { RowError } from './validateImport';

/** K13: where the profile says a team is "dipimpin oleh Ketua Tim" (Karanganyar), a team row names its ketua. */
export function missingKetua(source: ImportSource, profile: PolicyProfile | undefined): RowError[] {
  const citation = profile?.ketuaWajib;
  if (!citation) return [];
  const hasKetua = (value: unknown) => Array.isArray((value as { anggota?: unknown }).anggota)
    && ((value as { anggota: Array<{ peran?: unknown }> }).anggota).some((member) => member?.peran === 'KETUA');
  return source.rows
    .filter((row) => row.section === 'timKerja' && typeof row.value === 'object' && row.value !== null && !hasKetua(row.value))
    .map((row) => ({ line: row.line, section: 'timKerja', field: 'anggota', reason: `tim wajib dipimpin ketua tim: tandai satu anggota dengan peran KETUA (${citation})` }));
}
