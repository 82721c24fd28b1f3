import type { FlowContext } from '../../engine/defineFlow';

/** The teams the actor leads as ketua, with their targets, owner unit and active anggota. */
export async function teamsLedBy(ctx: FlowContext) {
  return ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, memberships: { some: { pegawaiId: ctx.actor.id, role: 'KETUA', status: 'ACTIVE' } } },
    include: {
      targets: { orderBy: { createdAt: 'asc' } },
      ownerUnit: { include: { perangkatDaerah: true } },
      memberships: { where: { status: 'ACTIVE', role: 'ANGGOTA' }, include: { pegawai: true }, orderBy: { pegawai: { name: 'asc' } } },
    },
    orderBy: { name: 'asc' },
  });
}
