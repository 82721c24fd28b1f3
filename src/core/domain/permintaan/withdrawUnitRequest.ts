import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested } from '../../catalog/t';
import { text } from '../../messages';
import { formatDateTime } from '../formatTime';
import { markUnitRequest } from './unitRequestCard';

/** The requesting head withdraws the request while the unit has not answered; the answerer's card says so. */
export async function withdrawUnitRequest(ctx: FlowContext, permintaanId: string): Promise<void> {
  const owned = await ctx.tx.permintaanPegawai.findFirst({ where: { id: permintaanId, instansiId: ctx.actor.instansiId, requesterId: ctx.actor.id } });
  if (!owned) throw new Refused('C7', 'pengajuan.bukanPemohon');
  const request = await ctx.tx.permintaanPegawai.update({ where: { id: permintaanId }, data: { updatedAt: ctx.now } });
  if (request.status !== 'SUBMITTED') {
    ctx.reply(text('permintaan.tidakDapatDitarik', { nomor: request.number }));
    return;
  }
  await ctx.tx.permintaanPegawai.update({ where: { id: permintaanId }, data: { status: 'WITHDRAWN', decidedAt: ctx.now } });
  await markUnitRequest(ctx, request, nested('pengajuanku.ditarikOleh', { nama: ctx.actor.name, waktu: formatDateTime(ctx.now, ctx.actor.timeZone) }));
  ctx.notify(request.deciderId, text('permintaan.ditarikPemberitahuan', { nomor: request.number, nama: ctx.actor.name }));
  ctx.audit({ action: 'permintaan.tarik', outcome: 'OK', subject: `permintaan:${permintaanId}` });
  ctx.reply(text('permintaan.ditarikTercatat', { nomor: request.number }));
}
