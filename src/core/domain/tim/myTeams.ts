import type { ReadContext } from '../../engine/defineFlow';
import { t } from '../../catalog/t';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { ownUnitFirst, priorityLabel } from '../priority';

/** Rule P: the actor's running teams, own-unit work first, other units' work labelled per profile. */
export async function listMyTeams(ctx: ReadContext): Promise<string[]> {
  const memberships = await ctx.tx.membership.findMany({
    where: { pegawaiId: ctx.actor.id, status: 'ACTIVE', tim: { instansiId: ctx.actor.instansiId, endsOn: { gte: ctx.now } } },
    include: { tim: { include: { ownerUnit: true } } },
    orderBy: { tim: { name: 'asc' } },
  });
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  const items = memberships.map((m) => ({ ...m, ownerUnitId: m.tim.ownerUnitId }));
  return ownUnitFirst(items, ctx.actor.homeUnitId).map((m) => t(ctx.actor.locale, 'tugas.baris', {
    tim: m.tim.name, peran: t(ctx.actor.locale, m.role === 'KETUA' ? 'tugas.peran.KETUA' : 'tugas.peran.ANGGOTA'), unit: m.tim.ownerUnit.name,
    selesai: formatDate(m.tim.endsOn, ctx.actor.timeZone),
    prioritas: priorityLabel(profile, ctx.actor.homeUnitId, m.tim.ownerUnitId, ctx.actor.locale),
  }));
}
