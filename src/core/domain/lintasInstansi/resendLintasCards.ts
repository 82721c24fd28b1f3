import type { FlowContext } from '../../engine/defineFlow';
import { notifyInboundStage } from './inboundCard';
import { inboundStageAt } from './inboundStages';
import { readInboundDetails, readLintasDetails } from './lintasDetails';
import { stageAt, stagesOf } from './lintasStages';
import { notifyPyb } from './pybCard';

/**
 * Someone who links their first chat account while a request across governments waits for them
 * (as PyB, its Plh, or the unit head the PyB named) gets its card now: the first copy went nowhere.
 */
export async function resendLintasCards(ctx: FlowContext): Promise<number> {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const requests = await ctx.tx.pelibatanLintasInstansi.findMany({ where: { instansiId: instansi.id }, orderBy: { number: 'asc' } });
  let sent = 0;
  for (const request of requests) {
    if (request.direction === 'KELUAR') {
      const kind = stageAt(stagesOf(readLintasDetails(request.details).profile, instansi.settings), request.status)?.kind;
      if (kind === 'PUTUSAN' || kind === 'TERUSKAN') sent += await notifyPyb(ctx, request, ctx.actor.id);
    } else if (inboundStageAt(readInboundDetails(request.details).profile, instansi.settings, request.status)) {
      sent += await notifyInboundStage(ctx, request, ctx.actor.id);
    }
  }
  return sent;
}
