import type { Tx } from '../../../db/tx';
import type { FlowContext } from '../../engine/defineFlow';
import { activeDelegates } from '../../auth/requireApprover';
import { choice, label, type CoreMessage } from '../../messages';
import { loadRequest, type LoadedRequest } from './loadRequest';
import { approvalCard } from './requestSummary';
import { chainOfRequest } from './requestChain';

export const PENGAJUAN_FLOW_ID = 'pengajuan-sukarela';

type ButtonKey = 'persetujuan.mengetahui' | 'persetujuan.setujui' | 'persetujuan.tolak' | 'pelibatan.terbitkanSurat' | 'persetujuan.rekomendasikan' | 'persetujuan.tidakRekomendasikan';

/**
 * Sends a pending step to its holder and to anyone holding a delegation from them (C6). Buttons
 * are not restricted to a list: the handler authorizes each press (requireApprover), so a press
 * by anyone else is refused and audited rather than silently ignored.
 */
export async function notifyStep(ctx: FlowContext, penugasanId: string, stepId: string): Promise<void> {
  const { message, recipients } = await stepCardSends(ctx.tx, penugasanId, stepId, ctx.actor.timeZone, ctx.now);
  const messageIds = recipients.map((pegawaiId) => ctx.notify(pegawaiId, message));
  await ctx.tx.approvalStep.update({ where: { id: stepId }, data: { messageIds: JSON.stringify(messageIds) } });
}

/** A pending step's card and who gets it: its holder and anyone holding a delegation from them. */
export async function stepCardSends(tx: Tx, penugasanId: string, stepId: string, timeZone: string, now: Date) {
  const request = await loadRequest(tx, penugasanId);
  const step = request.steps.find((s) => s.id === stepId)!;
  const recipients = [step.assigneeId, ...(await activeDelegates(tx, step.assigneeId, step.performer, now, requestParties(request)))];
  return { message: stepCard(request, step, timeZone), recipients: [...new Set(recipients)] };
}

/** Who may never decide a request: its applicant, and for a designation the head who asked for or proposed the official. */
export function requestParties(request: { pegawaiId: string; mode: string; assignerId: string | null }): string[] {
  return [request.pegawaiId, ...(request.mode === 'PENUNJUKAN' && request.assignerId ? [request.assignerId] : [])];
}

/** The request card of a step with its two buttons, as its holder reads it. */
export function stepCard(request: LoadedRequest, step: LoadedRequest['steps'][number], timeZone: string): CoreMessage {
  const button = (key: ButtonKey, action: string, style: 'primary' | 'danger') =>
    ({ label: label(key), action, args: { stepId: step.id }, style, scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID });
  const advisory = chainOfRequest(request).advisory(step);
  const approve: ButtonKey = advisory ? 'persetujuan.rekomendasikan' : step.kind === 'ACKNOWLEDGE' ? 'persetujuan.mengetahui' : step.kind === 'ISSUE' ? 'pelibatan.terbitkanSurat' : 'persetujuan.setujui';
  const card = approvalCard(request, step.id, timeZone);
  return choice(card.key, [[button(approve, 'setujui', 'primary'), button(advisory ? 'persetujuan.tidakRekomendasikan' : 'persetujuan.tolak', 'tolak', 'danger')]], card.params);
}

/**
 * Someone who links their chat account after a request reached them gets its card now: the
 * first copy went nowhere. The new copy is edited with the others after the decision.
 */
export async function resendWaitingCards(ctx: FlowContext): Promise<number> {
  const steps = await ctx.tx.approvalStep.findMany({ where: { assigneeId: ctx.actor.id, status: 'PENDING' }, orderBy: { createdAt: 'asc' } });
  for (const waiting of steps) {
    const request = await loadRequest(ctx.tx, waiting.penugasanId);
    const step = request.steps.find((s) => s.id === waiting.id)!;
    const messageId = ctx.notify(ctx.actor.id, stepCard(request, step, ctx.actor.timeZone));
    const messageIds = [...(JSON.parse(waiting.messageIds ?? '[]') as string[]), messageId];
    await ctx.tx.approvalStep.update({ where: { id: waiting.id }, data: { messageIds: JSON.stringify(messageIds) } });
  }
  return steps.length;
}
