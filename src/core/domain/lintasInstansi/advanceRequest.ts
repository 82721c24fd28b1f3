import type { Tx } from '../../../db/tx';

/**
 * Moves a WF-3 request on only if it still waits where the caller found it, so two people acting
 * at once (two PyB holders, a holder and their Plh) move it once; false when someone was first.
 */
export async function advanceRequest(tx: Tx, request: { id: string; status: string }, to: string): Promise<boolean> {
  const moved = await tx.pelibatanLintasInstansi.updateMany({ where: { id: request.id, status: request.status }, data: { status: to } });
  return moved.count === 1;
}
