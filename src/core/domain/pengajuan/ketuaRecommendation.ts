import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { nested } from '../../catalog/t';
import { text } from '../../messages';
import type { RefusalReason } from '../../letters/penugasanLetters';
import { issueRecommendation } from '../surat/voluntaryLetters';
import type { LoadedRequest } from './loadRequest';
import { chainOfRequest } from './requestChain';
import { decisionParams, informPrincipal, markDecision, proceedAfter } from './stepDecisions';

export type Recommendation = { recommended: true } | { recommended: false; reason: string; letterReason: RefusalReason };

/** Whether this step is an advisory recommendation (Samarinda's ketua tim) rather than a decision. */
export function isAdvisory(request: LoadedRequest, stepId: string): boolean {
  const step = request.steps.find((s) => s.id === stepId);
  return !!step && chainOfRequest(request).advisory(step);
}

/**
 * Samarinda's ketua tim verifies the applicant and recommends (format 4b) or not (format 5, with
 * alternative 1 or 2). Either way the request goes on to the target unit's head, who decides with
 * the recommendation on the card; a "no" is recorded as ADVISED_AGAINST, never as the refusal.
 */
export async function recommendStep(ctx: FlowContext, request: LoadedRequest, stepId: string, capacity: ApproverCapacity, outcome: Recommendation): Promise<void> {
  const step = request.steps.find((s) => s.id === stepId)!;
  await ctx.tx.approvalStep.update({
    where: { id: stepId },
    data: {
      status: outcome.recommended ? 'APPROVED' : 'ADVISED_AGAINST', reason: outcome.recommended ? null : outcome.reason,
      decidedById: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, decidedAt: ctx.now,
    },
  });
  const hasil = outcome.recommended
    ? nested('persetujuan.direkomendasikanOleh', decisionParams(ctx, capacity))
    : nested('persetujuan.tidakDirekomendasikanOleh', { ...decisionParams(ctx, capacity), alasan: outcome.reason });
  markDecision(ctx, request, stepId, hasil);
  const next = request.steps.find((s) => s.position === step.position + 1);
  await issueRecommendation(ctx, request, capacity, outcome.recommended ? { recommended: true } : { recommended: false, reason: outcome.letterReason }, next?.assigneeId);
  const status = await proceedAfter(ctx, request, step, capacity, false);
  ctx.notify(request.pegawaiId, text('pengajuan.rekomendasiMasuk', { nomor: request.number, hasil }));
  informPrincipal(ctx, request.number, capacity, hasil);
  ctx.reply(text('persetujuan.tercatatRekomendasi', { nomor: request.number }));
  ctx.audit({
    action: 'pengajuan.rekomendasi', outcome: 'OK', rule: step.citation, subject: `penugasan:${request.id}`,
    details: { stepId, status, direkomendasikan: outcome.recommended, atasNama: capacity.onBehalfOf?.id ?? null },
  });
}
