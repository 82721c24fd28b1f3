import type { Lingkup } from '../enums';
import { getPolicyProfile, type PolicyProfile, type SukarelaWorkflow } from '../../policy/policyProfile';

/** The profile's voluntary-request chain for a scope; LINTAS_PD falls back to LINTAS_UO. */
export function selectWorkflow(profile: PolicyProfile, scope: Lingkup): SukarelaWorkflow | undefined {
  if (scope === 'LINTAS_INSTANSI') return undefined;
  if (scope === 'LINTAS_PD') return profile.sukarela.LINTAS_PD ?? profile.sukarela.LINTAS_UO;
  return profile.sukarela[scope];
}

/** The chain a stored request was submitted under (its profile id is kept with the request). */
export function workflowOfRequest(request: { details: string; scope: string }): SukarelaWorkflow {
  const profile = getPolicyProfile((JSON.parse(request.details) as { profile: string }).profile);
  const workflow = selectWorkflow(profile, request.scope as Lingkup);
  if (!workflow) throw new Error(`no workflow for scope ${request.scope}`);
  return workflow;
}
