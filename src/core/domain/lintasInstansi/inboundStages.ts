import type { InboundStage } from '../../policy/lintasInstansiSchema';
import { getPolicyProfile } from '../../policy/policyProfile';

/** Our profile's stages for a request another government sends us; none where the regulation has no WF-3 (Magelang). */
export function inboundWorkflow(profileId: string) {
  const workflow = getPolicyProfile(profileId).penunjukan.LINTAS_INSTANSI;
  return workflow.workflow === 'WF-3' ? workflow.masuk : null;
}

/** Over: refused, unavailable, assigned or withdrawn. A request waiting where the regulation stops is not. */
export function inboundIsFinal(profileId: string, status: string): boolean {
  const workflow = inboundWorkflow(profileId);
  if (status === 'WITHDRAWN' || !workflow) return true;
  return !workflow.stages.some((stage) => stage.status === status) && workflow.batasRegulasi?.status !== status;
}

/** The officials were assigned over there: nothing on either side may be withdrawn any more. */
export function inboundEndedWell(profileId: string, status: string): boolean {
  return !!inboundWorkflow(profileId)?.stages.some((stage) => stage.kind === 'TERBITKAN' && stage.next === status);
}

export function inboundStageAt(profileId: string, status: string): InboundStage | undefined {
  return inboundWorkflow(profileId)?.stages.find((stage) => stage.status === status);
}
