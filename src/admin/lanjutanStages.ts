import type { PolicyProfile } from '../core/policy/policyProfile';
import type { ImportSource } from './readImportFile';
import type { RowError } from './validateImport';

type Stages = Array<{ status?: unknown }> | undefined;

/**
 * The WF-3 stages an instansi sets for where its regulation stops must start in the status the
 * request waits in there; where the regulation does not stop (or has no WF-3), they would never run.
 */
export function misplacedLanjutan(source: ImportSource, profile: PolicyProfile | undefined): RowError[] {
  const pengaturan = (source.instansi as { pengaturan?: Record<string, Stages> } | undefined)?.pengaturan;
  if (!pengaturan || !profile) return [];
  const workflow = profile.penunjukan.LINTAS_INSTANSI;
  const limits = {
    lintasInstansiLanjutan: workflow.workflow === 'WF-3' ? workflow.batasRegulasi : null,
    lintasInstansiMasukLanjutan: workflow.workflow === 'WF-3' ? workflow.masuk.batasRegulasi : null,
  };
  const errors: RowError[] = [];
  for (const [field, limit] of Object.entries(limits)) {
    const stages = pengaturan[field];
    if (!Array.isArray(stages) || stages.length === 0) continue;
    const reason = !limit ? `profil ${profile.id} tidak berhenti sebelum permohonan selesai; tahap lanjutan tidak dipakai`
      : stages[0]?.status !== limit.status ? `tahap lanjutan pertama harus berstatus ${limit.status}, tempat peraturan berhenti (${limit.citation})` : null;
    if (reason) errors.push({ line: 1, section: 'instansi', field: `pengaturan.${field}`, reason });
  }
  return errors;
}
