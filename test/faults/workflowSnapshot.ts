import type { Db } from '../../src/db/createDb';

/** Whose rows a snapshot covers: one instansi, and its people (minus any who press elsewhere). */
export interface SnapshotScope {
  instansiId: string;
  pegawaiIds: string[];
}

export type WorkflowSnapshot = Record<string, unknown[]>;

/**
 * Every row a decision could touch in one instansi: requests and their approval steps, memberships,
 * letters, evaluations, resignations, credit requests, conversations, the outbox rows that inbound
 * turns wrote (scheduler rows are left out: they come and go on their own) and their buttons, and
 * the number of successful audit rows.
 */
export async function workflowSnapshot(db: Db, scope: SnapshotScope): Promise<WorkflowSnapshot> {
  const { instansiId, pegawaiIds } = scope;
  const byId = { orderBy: { id: 'asc' as const } };
  const outbox = await db.outboxMessage.findMany({
    where: { pegawaiId: { in: pegawaiIds }, idempotencyKey: { startsWith: 'telegram:' } },
    select: { id: true, idempotencyKey: true, pegawaiId: true, address: true, payload: true }, ...byId,
  });
  const [penugasan, steps, memberships, surat, evaluasi, evaluasiActions, pengunduranDiri, angkaKredit, conversations, tokens, auditOk] = await Promise.all([
    db.penugasan.findMany({ where: { instansiId }, select: { id: true, status: true, startsOn: true, endsOn: true, updatedAt: true }, ...byId }),
    db.approvalStep.findMany({ where: { penugasan: { instansiId } }, ...byId }),
    db.membership.findMany({ where: { tim: { instansiId } }, select: { id: true, pegawaiId: true, role: true, status: true, updatedAt: true }, ...byId }),
    db.surat.findMany({ where: { instansiId }, select: { id: true, kind: true, penugasanId: true }, ...byId }),
    db.evaluasi.findMany({ where: { instansiId }, select: { id: true, status: true, position: true, messageIds: true, updatedAt: true }, ...byId }),
    db.evaluasiAction.count({ where: { evaluasi: { instansiId } } }),
    db.pengunduranDiri.findMany({ where: { instansiId }, ...byId }),
    db.permohonanAngkaKredit.findMany({ where: { instansiId }, ...byId }),
    db.conversation.findMany({ where: { pegawaiId: { in: pegawaiIds } }, select: { pegawaiId: true, flowId: true, step: true, state: true, updatedAt: true }, orderBy: { pegawaiId: 'asc' } }),
    db.buttonToken.findMany({ where: { messageId: { in: outbox.map((row) => row.id) } }, select: { id: true, messageId: true, usedAt: true }, ...byId }),
    db.auditLog.count({ where: { instansiId, outcome: 'OK' } }),
  ]);
  return {
    penugasan, steps, memberships, surat, evaluasi, evaluasiActions: [evaluasiActions], pengunduranDiri, angkaKredit, conversations, outbox, tokens, auditOk: [auditOk],
  };
}

/** The tables that differ, once the rows one turn was expected to add (its reply) are set aside. */
export function changedTables(before: WorkflowSnapshot, after: WorkflowSnapshot, ownEventKey: string): string[] {
  const own = new Set((after.outbox as Array<{ id: string; idempotencyKey: string }>)
    .filter((row) => row.idempotencyKey.startsWith(`${ownEventKey}#`)).map((row) => row.id));
  const trimmed: WorkflowSnapshot = {
    ...after,
    outbox: after.outbox!.filter((row) => !own.has((row as { id: string }).id)),
    tokens: after.tokens!.filter((row) => !own.has((row as { messageId: string }).messageId)),
  };
  return Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(trimmed[table]));
}
