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
  const wf3 = workflow.workflow === 'WF-3' ? workflow : null;
  const limits = {
    lintasInstansiLanjutan: { limit: wf3?.batasRegulasi ?? null, own: wf3?.stages ?? [] },
    lintasInstansiMasukLanjutan: { limit: wf3?.masuk.batasRegulasi ?? null, own: wf3?.masuk.stages ?? [] },
  };
  const errors: RowError[] = [];
  for (const [field, { limit, own }] of Object.entries(limits)) {
    const stages = pengaturan[field];
    if (!Array.isArray(stages) || stages.length === 0) continue;
    const statuses = stages.map((stage) => stage?.status);
    // A status the profile or an earlier stage already waits in would never reach this stage.
    const taken = statuses.find((status, i) => statuses.indexOf(status) !== i || own.some((stage) => stage.status === status));
    const reason = !limit ? `profil ${profile.id} tidak berhenti sebelum permohonan selesai; tahap lanjutan tidak dipakai`
      : statuses[0] !== limit.status ? `tahap lanjutan pertama harus berstatus ${limit.status}, tempat peraturan berhenti (${limit.citation})`
        : taken !== undefined ? `status ${String(taken)} sudah dipakai tahap lain; setiap tahap menunggu pada status sendiri` : null;
    if (reason) errors.push({ line: 1, section: 'instansi', field: `pengaturan.${field}`, reason });
  }
  return errors;
}
