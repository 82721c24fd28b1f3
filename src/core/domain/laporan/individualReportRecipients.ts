import type { Tx } from '../../../db/tx';
import { getPolicyProfile } from '../../policy/policyProfile';

export interface IndividualReportRecipient { pegawaiId: string; name: string; jabatan: string; capacity: 'PIMPINAN_UO_PEMILIK' | 'PENILAI'; citation: string }

/**
 * R2: an official on an individual assignment reports directly to the head of the unit that owns
 * the work, and in some profiles also to their Penilai (SMD Lamp. tanggung jawab e.3, LMD Ps 27).
 * One person holding both roles receives one copy.
 */
export async function individualReportRecipients(
  tx: Tx, profileCode: string, assignee: { id: string; penilaiId: string | null; homeUnit: { headId: string | null } },
  ownerHeadId: string | null = assignee.homeUnit.headId,
): Promise<IndividualReportRecipient[]> {
  const holders = { PIMPINAN_UO_PEMILIK: ownerHeadId, PENILAI: assignee.penilaiId };
  const recipients: IndividualReportRecipient[] = [];
  for (const { role, citation } of getPolicyProfile(profileCode).laporanIndividu.recipients) {
    const id = holders[role];
    if (!id || id === assignee.id || recipients.some((r) => r.pegawaiId === id)) continue;
    const person = await tx.pegawai.findUnique({ where: { id } });
    if (person?.active) recipients.push({ pegawaiId: id, name: person.name, jabatan: person.jabatan, capacity: role, citation });
  }
  return recipients;
}
