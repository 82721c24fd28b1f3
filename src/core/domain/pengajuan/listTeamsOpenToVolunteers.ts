import { startOfZonedDay } from '../zonedTime';
import type { Tx } from '../../../db/tx';

/** Teams of the actor's instansi open to volunteers, still running, that the actor is not in. */
export async function listTeamsOpenToVolunteers(tx: Tx, actor: { id: string; instansiId: string; timeZone: string }, now: Date) {
  return tx.timKerja.findMany({
    where: {
      instansiId: actor.instansiId, openToVolunteers: true, endsOn: { gte: startOfZonedDay(now, actor.timeZone) },
      memberships: { none: { pegawaiId: actor.id, status: 'ACTIVE' } },
    },
    include: { ownerUnit: true },
    orderBy: { name: 'asc' },
    take: 20,
  });
}

/** One team the actor may volunteer for, by id, scoped to the actor's instansi. */
export async function findTeamForVolunteer(tx: Tx, actor: { instansiId: string }, timId: string) {
  return tx.timKerja.findFirstOrThrow({ where: { id: timId, instansiId: actor.instansiId, openToVolunteers: true }, include: { ownerUnit: true } });
}
