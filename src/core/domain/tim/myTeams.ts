import type { ReadContext } from '../../engine/defineFlow';
import { t } from '../../catalog/t';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { ownUnitFirst, priorityLabel } from '../priority';
import { individualTaskName } from '../penunjukan/individualTaskName';

/**
 * Rule P: the actor's running teams and individual tasks, own-unit work first, other units' work
 * labelled per profile.
 */
export async function listMyTeams(ctx: ReadContext): Promise<string[]> {
  const memberships = await ctx.tx.membership.findMany({
    // The actor's own seats, also in another government's team (WF-3).
    where: { pegawaiId: ctx.actor.id, status: 'ACTIVE', tim: { endsOn: { gte: ctx.now } } },
    include: { tim: { include: { ownerUnit: true, instansi: { select: { name: true } } } } },
    orderBy: { tim: { name: 'asc' } },
  });
  const tasks = await ctx.tx.penugasan.findMany({
    where: { instansiId: ctx.actor.instansiId, pegawaiId: ctx.actor.id, role: 'INDIVIDU', status: 'ACTIVE', endsOn: { gte: ctx.now } },
    include: { ownerUnit: true }, orderBy: { number: 'asc' },
  });
  const locale = ctx.actor.locale;
  const items = [
    ...memberships.map((m) => ({
      name: m.tim.name, role: m.role === 'KETUA' ? 'tugas.peran.KETUA' as const : 'tugas.peran.ANGGOTA' as const, endsOn: m.tim.endsOn,
      ownerUnit: m.tim.instansiId === ctx.actor.instansiId ? m.tim.ownerUnit : { ...m.tim.ownerUnit, name: `${m.tim.ownerUnit.name}, ${m.tim.instansi.name}` },
    })),
    ...tasks.map((p) => ({ name: t(locale, 'individu.judul', { tugas: individualTaskName(p.details) }), role: 'tugas.peran.INDIVIDU' as const, ownerUnit: p.ownerUnit, endsOn: new Date(p.endsOn!.getTime() - 1) })),
  ].map((item) => ({ ...item, ownerUnitId: item.ownerUnit.id }));
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  return ownUnitFirst(items, ctx.actor.homeUnitId).map((item) => t(locale, 'tugas.baris', {
    tim: item.name, peran: t(locale, item.role), unit: item.ownerUnit.name, selesai: formatDate(item.endsOn, ctx.actor.timeZone),
    prioritas: priorityLabel(profile, ctx.actor.homeUnitId, item.ownerUnitId, locale),
  }));
}
