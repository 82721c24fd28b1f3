import type { Tx } from '../../../db/tx';

/**
 * Serializes the decisions on one request within the turn's transaction: writing its row takes a
 * row lock that PostgreSQL holds until commit, so a partner's or a delegate's press at the same
 * moment waits, then reads this turn's outcome (SQLite runs one writer at a time anyway).
 */
export async function lockRequest(tx: Tx, penugasanId: string, now: Date): Promise<void> {
  await tx.penugasan.update({ where: { id: penugasanId }, data: { updatedAt: now } });
}
