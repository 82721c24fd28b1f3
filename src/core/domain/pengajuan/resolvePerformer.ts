import type { Tx } from '../../../db/tx';
import type { Performer } from '../../policy/policyProfile';

export interface RequestParties {
  applicantId: string;
  timId: string;
}

/** Who holds a profile role for this request, from organisation data (never from rank). */
export async function resolvePerformer(tx: Tx, performer: Performer, parties: RequestParties): Promise<string | null> {
  const applicant = await tx.pegawai.findUniqueOrThrow({
    where: { id: parties.applicantId }, include: { homeUnit: { include: { perangkatDaerah: true } } },
  });
  const tim = await tx.timKerja.findUniqueOrThrow({ where: { id: parties.timId }, include: { ownerUnit: { include: { perangkatDaerah: true } } } });
  switch (performer) {
    case 'HOME_PENILAI': return applicant.penilaiId;
    case 'HOME_PIMPINAN_UO': return applicant.homeUnit.headId;
    case 'HOME_KEPALA_PD': return applicant.homeUnit.perangkatDaerah.kepalaId;
    case 'TARGET_PIMPINAN_UO': return tim.ownerUnit.headId;
    case 'TARGET_KEPALA_PD': return tim.ownerUnit.perangkatDaerah.kepalaId;
    case 'TARGET_KETUA_TIM': {
      const ketua = await tx.membership.findFirst({ where: { timId: tim.id, role: 'KETUA', status: 'ACTIVE' } });
      return ketua?.pegawaiId ?? null;
    }
  }
}
