import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { requireApprover, type ApproverCapacity } from '../../auth/requireApprover';

/**
 * Authorizes the presser as the request's answerer or their Plh (C6, C7; a refusal is thrown and
 * audited), takes the request's row lock and reads it again: null when it was answered meanwhile.
 */
export async function openUnitRequest(ctx: FlowContext, permintaanId: string) {
  const found = await ctx.tx.permintaanPegawai.findUnique({ where: { id: permintaanId } });
  if (!found) return null;
  // Never answer, or confirm the existence of, another instansi's request; the head who asked never
  // answers for the other unit, not even as its Plh.
  if (found.instansiId !== ctx.actor.instansiId || found.requesterId === ctx.actor.id) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  const capacity: ApproverCapacity = await requireApprover(ctx.tx, ctx.actor, { assigneeId: found.deciderId, performer: found.performer }, ctx.now);
  const request = await ctx.tx.permintaanPegawai.update({ where: { id: permintaanId }, data: { updatedAt: ctx.now } });
  return request.status === 'SUBMITTED' ? { request, capacity } : null;
}

export type OpenUnitRequest = NonNullable<Awaited<ReturnType<typeof openUnitRequest>>>;
