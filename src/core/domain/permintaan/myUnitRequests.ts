import type { FlowContext } from '../../engine/defineFlow';
import { joinParams, nested, type Param } from '../../catalog/t';
import { formatDate } from '../formatTime';
import { rolePhrase } from '../pengajuan/roleName';
import { requestState } from '../pengajuan/myRequests';

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
    const nominees = await ctx.tx.penugasan.findMany({
      where: { permintaanId: r.id }, include: { pegawai: true, steps: { orderBy: { position: 'asc' }, include: { assignee: true } } }, orderBy: { number: 'asc' },
    });
    // Each nominee's request goes on by itself: the line says where each stands, withdrawn or refused ones too.
    const ditunjuk = nominees.map((p) => nested('permintaan.nominee', { nama: p.pegawai.name, nomor: p.number, keadaan: requestState(p, ctx.actor.timeZone) }));
    const keadaan: Param = r.status === 'SUBMITTED'
      ? nested('pengajuanku.menunggu', { peran: rolePhrase(r.performer), nama: decider.name, sejak: formatDate(r.createdAt, ctx.actor.timeZone) })
      : r.status === 'ANSWERED' ? nested('permintaan.keadaanDijawab', { daftar: joinParams(ditunjuk, 'pelibatan.isianGabung') })
        : nested(r.status === 'WITHDRAWN' ? 'pengajuanku.ditarik' : 'pengajuanku.ditolak');
    lines.push({
      id: r.id, number: r.number, open: r.status === 'SUBMITTED',
      line: nested('permintaan.barisPengajuanku', { nomor: r.number, jumlah: r.jumlah, unit: unit.name, tim: tim.name, keadaan }),
    });
  }
  return lines;
}
