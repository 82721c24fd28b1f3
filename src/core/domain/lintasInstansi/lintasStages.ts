import { Refused } from '../../errors';
import { getPolicyProfile, type PolicyProfile } from '../../policy/policyProfile';
import type { LintasInstansiStage, LintasInstansiWorkflow } from '../../policy/lintasInstansiSchema';
import { readSettings } from '../instansiSettings';

export const KEBIJAKAN_INSTANSI = 'kebijakan instansi';

/** The profile's WF-3, or the rule that says the regulation has none (Magelang). */
export function lintasWorkflow(profile: PolicyProfile): LintasInstansiWorkflow {
  const workflow = profile.penunjukan.LINTAS_INSTANSI;
  if (workflow.workflow !== 'WF-3') throw new Refused('WF-3', 'lintas.tidakDiatur', { citation: workflow.citation });
  return workflow;
}

/**
 * The stages a request runs through: the profile's, then the ones the instansi set for where its
 * regulation stops. Those never pass for law: their basis reads "kebijakan instansi".
 */
export function stagesOf(profileId: string, instansiSettings: string): LintasInstansiStage[] {
  const workflow = lintasWorkflow(getPolicyProfile(profileId));
  const own = workflow.batasRegulasi ? readSettings(instansiSettings).lintasInstansiLanjutan : [];
  return [...workflow.stages, ...own.map((stage) => ({ ...stage, citation: `${KEBIJAKAN_INSTANSI} (${stage.citation})` }))];
}

export function stageAt(stages: LintasInstansiStage[], status: string): LintasInstansiStage | undefined {
  return stages.find((stage) => stage.status === status);
}

/** Whether a request in this status is over: refused, not available, assigned, or withdrawn. A status some stage waits in is never over. */
export function isFinal(stages: LintasInstansiStage[], status: string): boolean {
  if (status === 'WITHDRAWN') return true;
  if (stageAt(stages, status)) return false;
  for (const stage of stages) {
    if (stage.kind === 'PUTUSAN' && stage.rejected === status) return true;
    if (stage.kind === 'PERISTIWA' && stage.outcomes.some((o) => o.next === status && o.akhir)) return true;
    if (stage.kind === 'SK_TIM' && stage.next === status) return true;
  }
  return false;
}

/** The outcome that ended the request well (the officials were assigned), for the notices of S12. */
export function endedWell(stages: LintasInstansiStage[], status: string): boolean {
  return stages.some((stage) => (stage.kind === 'SK_TIM' && stage.next === status)
    || (stage.kind === 'PERISTIWA' && stage.outcomes.some((o) => o.next === status && o.akhir === 'BERHASIL')));
}
