import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';

/**
 * A WF-3 request of the actor's instansi, by its id. Two governments share a deployment here: a
 * press on the other one's request is refused and audited (C7), never answered as "already decided".
 */
export async function ownRequest(ctx: FlowContext, pelibatanId: string, direction: 'KELUAR' | 'MASUK') {
  const request = await ctx.tx.pelibatanLintasInstansi.findUnique({ where: { id: pelibatanId } });
  if (request && request.instansiId !== ctx.actor.instansiId) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  return request?.direction === direction ? request : null;
}
