import type { Tx } from '../../../db/tx';

/** A penugasan request with everything its messages show. */
export function loadRequest(tx: Tx, penugasanId: string) {
  return tx.penugasan.findUniqueOrThrow({
    where: { id: penugasanId },
    include: {
      pegawai: { include: { homeUnit: true } },
      assigner: true,
      tim: { include: { ownerUnit: true } },
      steps: { orderBy: { position: 'asc' }, include: { assignee: true } },
    },
  });
}

export type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;
