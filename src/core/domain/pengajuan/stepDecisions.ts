import type { FlowContext } from '../../engine/defineFlow';
import { issueAssignmentLetter, issueTargetAnswer } from '../surat/voluntaryLetters';
import { issueOwnRequestLetter, reachesTarget } from '../surat/ownRequestLetter';
import type { RefusalReason } from '../../letters/penugasanLetters';
import { nested, type Param, type Params } from '../../catalog/t';
import { Refused } from '../../errors';
import { formatDateTime } from '../formatTime';
import { choice, label, text } from '../../messages';
import { requireApprover, type ApproverCapacity } from '../../auth/requireApprover';
import { chainOfRequest } from './requestChain';
import { workflowOfRequest } from './selectWorkflow';
import { stepGroup } from './parallelSteps';
import { lockRequest } from './lockRequest';
import { involvementAdvanced, involvementApproved, involvementRejected } from '../pelibatan/involvementDecisions';
import { postToTeamChats } from '../tim/teamChats';
import { proposalIssued, proposalRejected } from '../penunjukan/proposeMember';
import { loadRequest, type LoadedRequest } from './loadRequest';
import { notifyStep, PENGAJUAN_FLOW_ID, requestParties } from './notifyStep';
import { approvalCard } from './requestSummary';
import { rolePhrase } from './roleName';

export type StepCheck = { status: 'decided' } | { status: 'open'; request: LoadedRequest; capacity: ApproverCapacity };

/** Authorizes the presser for a step (refusal is thrown and audited) and tells if it is still open. */
export async function openStep(ctx: FlowContext, stepId: string): Promise<StepCheck> {
  const step = await ctx.tx.approvalStep.findUnique({ where: { id: stepId }, include: { penugasan: true } });
  if (!step) return { status: 'decided' };
  // C7: never decide, or even confirm the existence of, another instansi's request.
  if (step.penugasan.instansiId !== ctx.actor.instansiId) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  // C7: a party to the request (its applicant; for a designation also the head who asked or proposed) never decides it, not even as a Plh.
  if (requestParties(step.penugasan).includes(ctx.actor.id)) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  const capacity = await requireApprover(ctx.tx, ctx.actor, step, ctx.now);
  await lockRequest(ctx.tx, step.penugasanId, ctx.now);
  // Read again under the lock: a concurrent press may have decided it meanwhile.
  const request = await loadRequest(ctx.tx, step.penugasanId);
  if (request.steps.find((s) => s.id === stepId)?.status !== 'PENDING') return { status: 'decided' };
  return { status: 'open', request, capacity };
}

/** The reasons a rejection of this request may give: FREE text, or the profile's alternatives. */
export function rejectReasons(request: LoadedRequest): 'FREE' | string[] {
  return chainOfRequest(request).rejectReasons;
}

export async function approveStep(ctx: FlowContext, request: LoadedRequest, stepId: string, capacity: ApproverCapacity): Promise<void> {
  const step = request.steps.find((s) => s.id === stepId)!;
  await ctx.tx.approvalStep.update({ where: { id: stepId }, data: { status: 'APPROVED', decidedById: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, decidedAt: ctx.now } });
  markDecision(ctx, request, stepId, nested('persetujuan.disetujuiOleh', decisionParams(ctx, capacity)));
  if (answersForTarget(request, step)) await issueTargetAnswer(ctx, request, capacity, { approved: true });
  const status = await proceedAfter(ctx, request, step, capacity);
  informPrincipal(ctx, request.number, capacity, nested('persetujuan.disetujuiOleh', decisionParams(ctx, capacity)));
  ctx.reply(text('persetujuan.tercatatSetuju', { nomor: request.number }));
  ctx.audit({
    action: decisionAction(request, true), outcome: 'OK', rule: step.citation, subject: `penugasan:${request.id}`,
    details: { stepId, status, atasNama: capacity.onBehalfOf?.id ?? null },
  });
}

/**
 * A step is done (approved, or an advisory recommendation given either way): the next step is
 * sent to its holder, or, after the last one, the assignment is issued. Returns the new status.
 */
export async function proceedAfter(
  ctx: FlowContext, request: LoadedRequest, step: LoadedRequest['steps'][number], capacity: ApproverCapacity, tellApplicant = true,
): Promise<string> {
  const chain = chainOfRequest(request);
  // Steps decided together (Magelang's two home approvals): the request waits for the other one.
  const group = stepGroup(request.steps, step.position, chain);
  const partners = await ctx.tx.approvalStep.findMany({ where: { id: { in: group.filter((s) => s.id !== step.id).map((s) => s.id) }, status: { not: 'APPROVED' } }, include: { assignee: true } });
  if (partners.length > 0) {
    ctx.notify(request.pegawaiId, text('pengajuan.disetujuiSebagian', {
      nomor: request.number, nama: ctx.actor.name, peran: rolePhrase(step.performer), menunggu: partners.map((p) => p.assignee.name).join(', '),
    }));
    return request.status;
  }
  const next = request.steps.find((s) => s.position === group.at(-1)!.position + 1);
  const status = next ? chain.pendingStatus(next) : chain.approvedStatus;
  await ctx.tx.penugasan.update({ where: { id: request.id }, data: { status } });
  const designation = request.mode === 'PENUNJUKAN';
  if (next) {
    const opening = stepGroup(request.steps, next.position, chain);
    if (reachesTarget(opening, request.steps)) await issueOwnRequestLetter(ctx, request.id);
    for (const open of opening) {
      await ctx.tx.approvalStep.update({ where: { id: open.id }, data: { status: 'PENDING', pendingSince: ctx.now } });
      await notifyStep(ctx, request.id, open.id);
    }
    if (designation) involvementAdvanced(ctx, request, step, next);
    else if (tellApplicant) ctx.notify(request.pegawaiId, text('pengajuan.disetujuiLangkah', { nomor: request.number, nama: ctx.actor.name, peran: rolePhrase(step.performer), peranBerikutnya: rolePhrase(next.performer) }));
  } else if (designation && request.workflow === 'WF-1') {
    await proposalIssued(ctx, request, capacity);
  } else if (designation) {
    await involvementApproved(ctx, request, capacity);
  } else {
    // The letter the profile's chain assigns with ("menerima surat penugasan"; Samarinda: the Surat Tugas).
    const { document } = workflowOfRequest(request);
    const answer = { scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID, allowed: [request.pegawaiId], args: { penugasanId: request.id } };
    ctx.notify(request.pegawaiId, choice('pengajuan.disetujuiAkhir', [[
      { label: label('pengajuan.terimaPenugasan'), action: 'terimaPenugasan', style: 'primary', ...answer },
      { label: label('pengajuan.ajukanKeberatan'), action: 'keberatan', ...answer },
    ]], { nomor: request.number, tim: request.tim?.name ?? '-', surat: nested(`surat.jenis.${document}`) }));
    if (request.tim) {
      await issueAssignmentLetter(ctx, request, capacity, document);
      await postToTeamChats(ctx, request.tim.id, text('grup.pengajuanDisetujui', { tim: request.tim.name, nama: request.pegawai.name, jabatan: request.pegawai.jabatan, nomor: request.number }));
    }
  }
  return status;
}

export async function rejectStep(
  ctx: FlowContext, request: LoadedRequest, stepId: string, capacity: ApproverCapacity, reason: string, reasonCode?: 'KUALIFIKASI_TIDAK_SESUAI' | 'ANGGOTA_MENCUKUPI',
): Promise<void> {
  const step = request.steps.find((s) => s.id === stepId)!;
  const status = chainOfRequest(request).rejectedStatus(step);
  await ctx.tx.approvalStep.update({ where: { id: stepId }, data: { status: 'REJECTED', decidedById: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, decidedAt: ctx.now, reason } });
  await ctx.tx.approvalStep.updateMany({ where: { penugasanId: request.id, status: { in: ['WAITING', 'PENDING'] } }, data: { status: 'SKIPPED' } });
  await ctx.tx.penugasan.update({ where: { id: request.id }, data: { status } });
  // A step decided together with this one (still open) needs no decision any more: its card says so.
  for (const open of request.steps.filter((s) => s.status === 'PENDING')) {
    markDecision(ctx, request, open.id, nested('persetujuan.ditolakOleh', { ...decisionParams(ctx, capacity), alasan: reason }));
  }
  if (request.workflow === 'WF-1') proposalRejected(ctx, request, step, reason);
  else if (request.mode === 'PENUNJUKAN') await involvementRejected(ctx, request, step, capacity, reason);
  else {
    ctx.notify(request.pegawaiId, text('pengajuan.ditolak', { nomor: request.number, nama: ctx.actor.name, peran: rolePhrase(step.performer), alasan: reason }));
    // [PRODUCT] (AC-35): whoever decided an earlier step (or was stood in for), the target head above all, learns the request ended.
    const earlier = new Set(request.steps.filter((s) => s.status === 'APPROVED').flatMap((s) => [s.decidedById, s.onBehalfOf]).filter((id): id is string => !!id && id !== ctx.actor.id));
    for (const id of earlier) {
      ctx.notify(id, text('pengajuan.ditolakSetelahSetuju', { nomor: request.number, pemohon: request.pegawai.name, tim: request.tim?.name ?? '-', nama: ctx.actor.name, peran: rolePhrase(step.performer), alasan: reason }));
    }
  }
  informPrincipal(ctx, request.number, capacity, nested('persetujuan.ditolakOleh', { ...decisionParams(ctx, capacity), alasan: reason }));
  ctx.reply(text('persetujuan.tercatatTolak', { nomor: request.number }));
  if (answersForTarget(request, step)) {
    const letterReason: RefusalReason = reasonCode ? { code: reasonCode } : { code: 'LAINNYA', text: reason };
    await issueTargetAnswer(ctx, request, capacity, { approved: false, reason: letterReason });
  }
  ctx.audit({ action: decisionAction(request, false), outcome: 'OK', rule: step.citation, subject: `penugasan:${request.id}`, details: { stepId, status, atasNama: capacity.onBehalfOf?.id ?? null } });
}

// What the audit log calls a decision: on a proposal, a request for another unit's official, or a voluntary request.
function decisionAction(request: { workflow: string; mode: string }, approved: boolean): string {
  if (request.workflow === 'WF-1') return approved ? 'penunjukan.terbit' : 'penunjukan.usulDitolak';
  return `${request.mode === 'PENUNJUKAN' ? 'pelibatan' : 'pengajuan'}.${approved ? 'setujui' : 'tolak'}`;
}

// A delegate acted "atas nama": the official they stand in for is told what was decided in their name.
export function informPrincipal(ctx: FlowContext, nomor: number, capacity: ApproverCapacity, outcome: Param): void {
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('persetujuan.diputuskanAtasNama', { nomor, hasil: outcome }));
}

export function decisionParams(ctx: FlowContext, capacity: ApproverCapacity): Params {
  const waktu = formatDateTime(ctx.now, ctx.actor.timeZone);
  const atasNama = capacity.onBehalfOf ? nested('persetujuan.atasNama', { nama: capacity.onBehalfOf.name }) : '';
  return { nama: ctx.actor.name, atasNama, waktu };
}

// Every copy of the request (holder and delegates) is edited to show the outcome: no second press.
export function markDecision(ctx: FlowContext, request: LoadedRequest, stepId: string, outcome: Param): void {
  const step = request.steps.find((s) => s.id === stepId)!;
  const card = approvalCard(request, stepId, ctx.actor.timeZone);
  const permohonan = nested(card.key, card.params);
  for (const messageId of JSON.parse(step.messageIds ?? '[]') as string[]) {
    ctx.reply({ kind: 'edit', targetMessageId: messageId, replacement: text('persetujuan.hasil', { permohonan, hasil: outcome }) });
  }
}

// The target unit's decision on a request from another unit is answered by letter; one within the unit is oral.
function answersForTarget(request: LoadedRequest, step: { performer: string }): boolean {
  return request.mode === 'PENGAJUAN_SUKARELA' && !!request.tim && request.scope !== 'DALAM_UO' && step.performer.startsWith('TARGET_');
}
