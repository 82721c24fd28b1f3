import type { Tx } from '../../../db/tx';
import type { Lingkup } from '../enums';

/** Scope from the applicant's home unit and the team's owner unit (domain-spec §9 item 7). */
export async function determineScope(tx: Tx, homeUnitId: string, ownerUnitId: string): Promise<Lingkup> {
  if (homeUnitId === ownerUnitId) return 'DALAM_UO';
  const [home, owner] = await Promise.all([
    tx.unitOrganisasi.findUniqueOrThrow({ where: { id: homeUnitId } }),
    tx.unitOrganisasi.findUniqueOrThrow({ where: { id: ownerUnitId } }),
  ]);
  if (home.instansiId !== owner.instansiId) return 'LINTAS_INSTANSI';
  return home.perangkatDaerahId === owner.perangkatDaerahId ? 'LINTAS_UO' : 'LINTAS_PD';
}
