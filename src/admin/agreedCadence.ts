import type { PolicyProfile } from '../core/policy/policyProfile';
import type { ImportSource } from './readImportFile';
import type { RowError } from './validateImport';

/**
 * AC-56: where the profile says the team agreement ("perjanjian tim kerja") sets the reporting
 * cadence (LMD Lamp. II.B(6)), a team row must state it; the product's weekly default is not
 * an agreement.
 */
export function missingAgreedCadence(source: ImportSource, profile: PolicyProfile | undefined): RowError[] {
  const citation = profile?.laporanTim.iramaDisepakati;
  if (!citation) return [];
  return source.rows
    .filter((row) => row.section === 'timKerja' && typeof row.value === 'object' && row.value !== null && !('laporan' in row.value))
    .map((row) => ({ line: row.line, section: 'timKerja', field: 'laporan', reason: `wajib diisi: irama pelaporan disepakati dalam perjanjian tim kerja (${citation})` }));
}
