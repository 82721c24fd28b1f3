import type { FlowContext } from '../../engine/defineFlow';
import type { Tx } from '../../../db/tx';
import { activeDelegates } from '../../auth/requireApprover';
import { nested, type Param } from '../../catalog/t';
import { choice, label, text, type CoreMessage } from '../../messages';
import { formatDate } from '../formatTime';
import { rolePhrase } from '../pengajuan/roleName';
import { PERMINTAAN_FLOW_ID, readUnitRequest } from './unitRequestDetails';

type UnitRequest = { id: string; number: number; requesterId: string; timId: string; targetUnitId: string; jumlah: number; deciderId: string; performer: string; details: string; endsOn: Date; messageIds: string | null };

async function cardParams(tx: Tx, request: UnitRequest, timeZone: string) {
  const requester = await tx.pegawai.findUniqueOrThrow({ where: { id: request.requesterId } });
  const tim = await tx.timKerja.findUniqueOrThrow({ where: { id: request.timId }, include: { ownerUnit: true } });
  const unit = await tx.unitOrganisasi.findUniqueOrThrow({ where: { id: request.targetUnitId } });
  const details = readUnitRequest(request.details);
  return {
    nomor: request.number, peminta: requester.name, jabatanPeminta: requester.jabatan, jumlah: request.jumlah, unit: unit.name,
    tim: tim.name, unitPemilik: tim.ownerUnit.name, maksud: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi,
    selesai: formatDate(request.endsOn, timeZone), peran: rolePhrase(request.performer), citation: details.citation,
  };
}

/** The request as its answerer reads it, with "Tunjuk pegawai" and "Tolak". */
export async function unitRequestCard(tx: Tx, request: UnitRequest, timeZone: string): Promise<CoreMessage> {
  // Not restricted to a list: the handler authorizes each press, so a stranger's press is refused and audited.
  const button = (key: 'permintaan.tunjuk' | 'persetujuan.tolak', action: string, style: 'primary' | 'danger') =>
    ({ label: label(key), action, args: { permintaanId: request.id }, style, scope: 'action' as const, flowId: PERMINTAAN_FLOW_ID });
  return choice('permintaan.kartu', [[button('permintaan.tunjuk', 'tunjuk', 'primary'), button('persetujuan.tolak', 'tolak', 'danger')]], await cardParams(tx, request, timeZone));
}

/** Sends the card to the answerer and to whoever holds a delegation from them (C6); never to the requester. */
export async function notifyUnitRequest(ctx: FlowContext, request: UnitRequest): Promise<void> {
  const message = await unitRequestCard(ctx.tx, request, ctx.actor.timeZone);
  const recipients = [request.deciderId, ...(await activeDelegates(ctx.tx, request.deciderId, request.performer, ctx.now, [request.requesterId]))];
  const messageIds = [...new Set(recipients)].map((pegawaiId) => ctx.notify(pegawaiId, message));
  await ctx.tx.permintaanPegawai.update({ where: { id: request.id }, data: { messageIds: JSON.stringify(messageIds) } });
}

/** Every copy of the card is edited to show the outcome: no second press. */
export async function markUnitRequest(ctx: FlowContext, request: UnitRequest, outcome: Param): Promise<void> {
  const params = await cardParams(ctx.tx, request, ctx.actor.timeZone);
  for (const messageId of JSON.parse(request.messageIds ?? '[]') as string[]) {
    ctx.reply({ kind: 'edit', targetMessageId: messageId, replacement: text('persetujuan.hasil', { permohonan: nested('permintaan.kartu', params), hasil: outcome }) });
  }
}

/** An answerer who links their chat account after the request reached them gets its card now. */
export async function resendUnitRequestCards(ctx: FlowContext): Promise<number> {
  const waiting = await ctx.tx.permintaanPegawai.findMany({ where: { deciderId: ctx.actor.id, status: 'SUBMITTED' }, orderBy: { number: 'asc' } });
  for (const request of waiting) {
    const messageId = ctx.notify(ctx.actor.id, await unitRequestCard(ctx.tx, request, ctx.actor.timeZone));
    const messageIds = [...(JSON.parse(request.messageIds ?? '[]') as string[]), messageId];
    await ctx.tx.permintaanPegawai.update({ where: { id: request.id }, data: { messageIds: JSON.stringify(messageIds) } });
  }
  return waiting.length;
}
