import type { Tx } from '../../../db/tx';
import { getPolicyProfile } from '../../policy/policyProfile';

export interface Recipient {
  pegawaiId: string;
  capacities: string[];
  citation: string;
}

/**
 * R5: the ketua reports a member's results to the member's *home* Penilai and Pimpinan UO (and,
 * per profile, the Kepala PD), never to the team's owner unit. Resolved from data, deduplicated.
 */
export async function memberPerformanceRecipients(tx: Tx, memberId: string, profileId: string, timId: string): Promise<Recipient[]> {
  const member = await tx.pegawai.findUniqueOrThrow({ where: { id: memberId }, include: { homeUnit: { include: { perangkatDaerah: true } } } });
  const tim = await tx.timKerja.findUniqueOrThrow({ where: { id: timId }, include: { ownerUnit: true } });
  const holders: Record<string, string | null> = {
    // KRA Lamp. BAB II.A "kepada pemberi tugas": the head of the unit that gave the team its work.
    PEMBERI_TUGAS: tim.ownerUnit.headId,
    PENILAI: member.penilaiId,
    PIMPINAN_UO_ASAL: member.homeUnit.headId,
    KEPALA_PD_ASAL: member.homeUnit.perangkatDaerah.kepalaId,
  };
  const byPegawai = new Map<string, Recipient>();
  for (const { role, citation } of getPolicyProfile(profileId).laporanKinerjaAnggota.recipients) {
    const pegawaiId = holders[role];
    if (!pegawaiId || pegawaiId === memberId) continue;
    const existing = byPegawai.get(pegawaiId);
    if (existing) existing.capacities.push(role);
    else byPegawai.set(pegawaiId, { pegawaiId, capacities: [role], citation });
  }
  return [...byPegawai.values()];
}
