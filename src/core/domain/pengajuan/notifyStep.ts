import type { FlowContext } from '../../engine/defineFlow';
import { activeDelegates } from '../../auth/requireApprover';
import { choice, label } from '../../messages';
import { loadRequest } from './loadRequest';
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
  const request = await loadRequest(ctx.tx, penugasanId);
  const step = request.steps.find((s) => s.id === stepId)!;
  const button = (key: ButtonKey, action: string, style: 'primary' | 'danger') =>
    ({ label: label(key), action, args: { stepId }, style, scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID });
  const advisory = chainOfRequest(request).advisory(step);
  const approve: ButtonKey = advisory ? 'persetujuan.rekomendasikan' : step.kind === 'ACKNOWLEDGE' ? 'persetujuan.mengetahui' : step.kind === 'ISSUE' ? 'pelibatan.terbitkanSurat' : 'persetujuan.setujui';
  const card = approvalCard(request, stepId, ctx.actor.timeZone);
  const message = choice(card.key, [[button(approve, 'setujui', 'primary'), button(advisory ? 'persetujuan.tidakRekomendasikan' : 'persetujuan.tolak', 'tolak', 'danger')]], card.params);
  const delegates = await activeDelegates(ctx.tx, step.assigneeId, step.performer, ctx.now, request.pegawaiId);
  // A head who asked for another unit's official never answers for that unit, even as its Plh (WF-2).
  const recipients = [step.assigneeId, ...delegates.filter((id) => request.workflow !== 'WF-2' || id !== request.assignerId)];
  const messageIds = [...new Set(recipients)].map((pegawaiId) => ctx.notify(pegawaiId, message));
  await ctx.tx.approvalStep.update({ where: { id: stepId }, data: { messageIds: JSON.stringify(messageIds) } });
}
