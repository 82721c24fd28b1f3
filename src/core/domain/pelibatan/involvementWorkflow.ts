import type { Lingkup } from '../enums';
import { getPolicyProfile, type PelibatanWorkflow, type PolicyProfile } from '../../policy/policyProfile';

/** The profile's WF-2 chain for a scope; LINTAS_PD falls back to LINTAS_UO; never another instansi. */
export function selectInvolvement(profile: PolicyProfile, scope: Lingkup): PelibatanWorkflow | undefined {
  if (scope === 'DALAM_UO' || scope === 'LINTAS_INSTANSI') return undefined;
  return scope === 'LINTAS_PD' ? profile.penunjukan.LINTAS_PD ?? profile.penunjukan.LINTAS_UO : profile.penunjukan.LINTAS_UO;
}

/** The chain a stored WF-2 request was submitted under (its profile id is kept with the request). */
export function involvementOfRequest(request: { details: string; scope: string }): PelibatanWorkflow {
  const profile = getPolicyProfile((JSON.parse(request.details) as { profile: string }).profile);
  const workflow = selectInvolvement(profile, request.scope as Lingkup);
  if (!workflow) throw new Error(`no WF-2 chain for scope ${request.scope}`);
  return workflow;
}

/** What a WF-2 request records besides its columns: the four required items (domain-spec §5.7). */
export interface InvolvementDetails {
  profile: string;
  maksudTujuan: string;
  kompetensi: string;
  ekspektasi: string;
  citation: string;
  /** The surat permohonan pelibatan, when the profile asks by letter. */
  suratNomor?: string;
  /** When the request was made, if earlier than this record: an official a unit nominated under a PermintaanPegawai. */
  requestedAt?: string;
}

export function involvementDetails(details: string): InvolvementDetails {
  return JSON.parse(details) as InvolvementDetails;
}
