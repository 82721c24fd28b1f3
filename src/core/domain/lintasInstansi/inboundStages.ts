import type { InboundStage } from '../../policy/lintasInstansiSchema';
import { getPolicyProfile } from '../../policy/policyProfile';
import { readSettings } from '../instansiSettings';
import { KEBIJAKAN_INSTANSI } from './lintasStages';

/**
 * Our stages for a request another government sends us: the profile's, then the ones the instansi
 * set for where its regulation stops (Tulang Bawang Barat), cited as "kebijakan instansi". None
 * where the regulation has no WF-3 (Magelang). `settings`: the receiving instansi's, as stored.
 */
export function inboundWorkflow(profileId: string, settings: string) {
  const workflow = getPolicyProfile(profileId).penunjukan.LINTAS_INSTANSI;
  if (workflow.workflow !== 'WF-3') return null;
  const { masuk } = workflow;
  const own = masuk.batasRegulasi ? readSettings(settings).lintasInstansiMasukLanjutan : [];
  return { ...masuk, stages: [...masuk.stages, ...own.map((stage) => ({ ...stage, citation: `${KEBIJAKAN_INSTANSI} (${stage.citation})` }))] };
}

/** Over: refused, unavailable, assigned or withdrawn. A request waiting where the regulation stops is not. */
export function inboundIsFinal(profileId: string, settings: string, status: string): boolean {
  const workflow = inboundWorkflow(profileId, settings);
  if (status === 'WITHDRAWN' || !workflow) return true;
  return !workflow.stages.some((stage) => stage.status === status) && workflow.batasRegulasi?.status !== status;
}

/** The officials were assigned over there: nothing on either side may be withdrawn any more. */
export function inboundEndedWell(profileId: string, settings: string, status: string): boolean {
  return !!inboundWorkflow(profileId, settings)?.stages.some((stage) => stage.kind === 'TERBITKAN' && stage.next === status);
}

export function inboundStageAt(profileId: string, settings: string, status: string): InboundStage | undefined {
  return inboundWorkflow(profileId, settings)?.stages.find((stage) => stage.status === status);
}
