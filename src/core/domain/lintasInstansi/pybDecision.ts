import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { formatDate } from '../formatTime';
import { issueLintasOutboundLetter } from '../surat/acrossInstansiLetters';
import { readLintasDetails, type LintasRequest } from './lintasDetails';
import { stageAt, stagesOf } from './lintasStages';
import { pybRecipients, requirePyb } from './pejabatBerwenang';
import { mirrorTarget, receiveInbound } from './receiveInbound';
import { advanceRequest } from './advanceRequest';
import { ownRequest } from './ownRequest';

type Decision = { status: 'decided' } | { status: 'open'; request: LintasRequest; capacity: ApproverCapacity; stage: { status: string; approved: string; rejected: string; citation: string } };

/** The request waiting for this PyB decision, after checking the actor may take it (C6, C7). */
export async function openPybDecision(ctx: FlowContext, pelibatanId: string): Promise<Decision> {
  const capacity = await requirePyb(ctx.tx, ctx.actor, ctx.now);
  const request = await ownRequest(ctx, pelibatanId, 'KELUAR');
  if (!request) return { status: 'decided' };
  // C7: the head who asked never decides their own request, not even as Plh of the PyB.
  if (request.requesterId === ctx.actor.id) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  const stages = stagesOf(readLintasDetails(request.details).profile, instansi.settings);
  const stage = stageAt(stages, request.status);
  // Only the first stage is the PyB's decision: approving it sends the letter out.
  if (stage?.kind !== 'PUTUSAN' || stage !== stages[0]) return { status: 'decided' };
  return { status: 'open', request, capacity, stage };
}

/** WF-3 T2: the PyB agrees; its letter goes out to the other government (signed and sent by the PyB's office). */
export async function approveAcrossInstansi(ctx: FlowContext, decision: Extract<Decision, { status: 'open' }>) {
  const { request, capacity, stage } = decision;
  if (!(await advanceRequest(ctx.tx, request, stage.approved))) {
    ctx.reply(text('persetujuan.sudahDiputuskan'));
    return;
  }
  // A government this deployment serves receives the letter in its own chats, as its own request.
  const mirrored = await mirrorTarget(ctx, request);
  const surat = await issueLintasOutboundLetter(ctx, request, capacity, mirrored ? await pybRecipients(ctx.tx, mirrored.id, ctx.now, []) : []);
  const details = readLintasDetails(request.details);
  const withLetter = { ...details, suratKeluar: { nomor: surat.nomor, tanggal: formatDate(ctx.now, ctx.actor.timeZone) } };
  await ctx.tx.pelibatanLintasInstansi.update({ where: { id: request.id }, data: { details: JSON.stringify(withLetter) } });
  await ctx.tx.peristiwaLintasInstansi.create({
    data: {
      pelibatanId: request.id, kind: 'DISETUJUI', statusFrom: request.status, statusTo: stage.approved, actorId: ctx.actor.id,
      onBehalfOf: capacity.onBehalfOf?.id ?? null, suratId: surat.id, createdAt: ctx.now,
    },
  });
  const params = { nomor: request.number, target: request.targetName, surat: surat.nomor, nama: ctx.actor.name };
  ctx.reply(text(mirrored ? 'lintas.pybSetujuLangsung' : 'lintas.pybSetuju', params));
  ctx.notify(request.requesterId!, text('lintas.diteruskan', params));
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('lintas.diputuskanAtasNama', params));
  if (mirrored) await receiveInbound(ctx, request, withLetter.suratKeluar);
  ctx.audit({ action: 'lintas.setujui', outcome: 'OK', subject: `lintas:${request.id}`, rule: stage.citation, details: { nomor: request.number, surat: surat.nomor, atasNama: capacity.onBehalfOf?.id ?? null } });
}

/** WF-3 T2x: the PyB declines with a reason ([SILENT] in the regulations; the product always asks one, S14). No letter goes out (AC-23). */
export async function rejectAcrossInstansi(ctx: FlowContext, decision: Extract<Decision, { status: 'open' }>, reason: string) {
  const { request, capacity, stage } = decision;
  if (!(await advanceRequest(ctx.tx, request, stage.rejected))) {
    ctx.reply(text('persetujuan.sudahDiputuskan'));
    return;
  }
  await ctx.tx.peristiwaLintasInstansi.create({
    data: {
      pelibatanId: request.id, kind: 'DITOLAK', statusFrom: request.status, statusTo: stage.rejected, actorId: ctx.actor.id,
      onBehalfOf: capacity.onBehalfOf?.id ?? null, note: JSON.stringify({ alasan: reason }), createdAt: ctx.now,
    },
  });
  const params = { nomor: request.number, target: request.targetName, nama: ctx.actor.name, alasan: reason };
  ctx.reply(text('lintas.pybTolak', params));
  ctx.notify(request.requesterId!, text('lintas.ditolakPyb', params));
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('lintas.diputuskanAtasNama', params));
  ctx.audit({ action: 'lintas.tolak', outcome: 'OK', subject: `lintas:${request.id}`, rule: stage.citation, details: { nomor: request.number, alasan: reason } });
}
