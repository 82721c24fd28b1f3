import type { FlowContext } from '../../engine/defineFlow';
import { nested, type Param } from '../../catalog/t';
import { formatDate } from '../formatTime';
import { rolePhrase } from '../pengajuan/roleName';

const SHOWN = 10;

/** Issue 6 item 7 for requests to a unit for a number of its officials: where each stands. */
export async function myUnitRequests(ctx: FlowContext): Promise<Array<{ id: string; number: number; open: boolean; line: Param }>> {
  const requests = await ctx.tx.permintaanPegawai.findMany({
    where: { instansiId: ctx.actor.instansiId, requesterId: ctx.actor.id }, orderBy: { number: 'desc' }, take: SHOWN,
  });
  const lines = [];
  for (const r of requests) {
    const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: r.timId } });
    const unit = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: r.targetUnitId } });
    const decider = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: r.deciderId } });
    const nominees = await ctx.tx.penugasan.findMany({ where: { permintaanId: r.id }, include: { pegawai: true } });
    const keadaan: Param = r.status === 'SUBMITTED'
      ? nested('pengajuanku.menunggu', { peran: rolePhrase(r.performer), nama: decider.name, sejak: formatDate(r.createdAt, ctx.actor.timeZone) })
      : r.status === 'ANSWERED' ? nested('permintaan.keadaanDijawab', { nama: nominees.map((p) => p.pegawai.name).sort().join(', ') })
        : nested(r.status === 'WITHDRAWN' ? 'pengajuanku.ditarik' : 'pengajuanku.ditolak');
    lines.push({
      id: r.id, number: r.number, open: r.status === 'SUBMITTED',
      line: nested('permintaan.barisPengajuanku', { nomor: r.number, jumlah: r.jumlah, unit: unit.name, tim: tim.name, keadaan }),
    });
  }
  return lines;
}
