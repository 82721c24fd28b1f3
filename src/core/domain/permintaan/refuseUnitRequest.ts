import type { FlowContext } from '../../engine/defineFlow';
import { nested } from '../../catalog/t';
import { text } from '../../messages';
import { decisionParams } from '../pengajuan/stepDecisions';
import { involvementOfRequest } from '../pelibatan/involvementWorkflow';
import { issueUnitRequestAnswer } from '../surat/unitRequestLetters';
import { markUnitRequest } from './unitRequestCard';
import type { OpenUnitRequest } from './openUnitRequest';

/** The unit refuses with its reason (every regulation: "dengan alasan"); by letter where the request came by letter. */
export async function refuseUnitRequest(ctx: FlowContext, open: OpenUnitRequest, reason: string): Promise<void> {
  const { request, capacity } = open;
  await ctx.tx.permintaanPegawai.update({
    where: { id: request.id }, data: { status: 'REJECTED', reason, decidedById: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, decidedAt: ctx.now },
  });
  const decided = decisionParams(ctx, capacity);
  await markUnitRequest(ctx, request, nested('persetujuan.ditolakOleh', { ...decided, alasan: reason }));
  ctx.notify(request.requesterId, text('permintaan.ditolak', { nomor: request.number, nama: ctx.actor.name, atasNama: decided.atasNama!, alasan: reason }));
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('permintaan.ditolakAtasNama', { nomor: request.number, nama: ctx.actor.name, alasan: reason }));
  const workflow = involvementOfRequest(request);
  if (workflow.kepada) await issueUnitRequestAnswer(ctx, request, capacity, { approved: false, reason });
  ctx.reply(text('permintaan.tercatatTolak', { nomor: request.number }));
  ctx.audit({ action: 'permintaan.tolak', outcome: 'OK', rule: workflow.steps[0]!.citation, subject: `permintaan:${request.id}`, details: { atasNama: capacity.onBehalfOf?.id ?? null } });
}
