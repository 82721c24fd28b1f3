import type { Tx } from '../../../db/tx';
import type { PelibatanPerformer } from '../../policy/policyProfile';
import type { InvolvementDetails } from '../pelibatan/involvementWorkflow';

export const PERMINTAAN_FLOW_ID = 'permintaan-pegawai';

/** What a PermintaanPegawai records besides its columns: what a request for one official does, the date being its own. */
export type UnitRequestDetails = Omit<InvolvementDetails, 'requestedAt'>;

export function readUnitRequest(details: string): UnitRequestDetails {
  return JSON.parse(details) as UnitRequestDetails;
}

/**
 * The role that answers for a unit as a whole, before anyone is named: the Kepala PD where the
 * profile's first role is theirs, otherwise the unit's head. "Penilai dituju" becomes the unit's
 * head here (kebijakan instansi): they are the Penilai of most of its officials, and where a
 * nominee's Penilai is someone else, that Penilai still decides on the nominee. A Plh of the head
 * answers under a PIMPINAN_UNIT delegation, not a PENILAI one.
 */
export function unitRole(first: PelibatanPerformer): PelibatanPerformer {
  return first === 'DITUJU_KEPALA_PD' ? first : 'DITUJU_PIMPINAN_UO';
}

/** Who holds a unit-level role: the unit's head, or its Perangkat Daerah's Kepala. */
export async function unitHolder(tx: Tx, performer: PelibatanPerformer, unitId: string): Promise<string | null> {
  const unit = await tx.unitOrganisasi.findUniqueOrThrow({ where: { id: unitId }, include: { perangkatDaerah: true } });
  return performer === 'DITUJU_KEPALA_PD' ? unit.perangkatDaerah.kepalaId : unit.headId;
}
