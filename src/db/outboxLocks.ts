// PostgreSQL only: several bot processes lease outbox rows without waiting for each other.
import { Prisma } from './generated/client';
import type { Tx } from './tx';

/** Of these outbox rows, locks (until the transaction ends) those no other transaction holds, and returns their ids. */
export async function lockFreeRows(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "OutboxMessage" WHERE "id" IN (${Prisma.join(ids)}) FOR UPDATE SKIP LOCKED`;
  return new Set(rows.map((row) => row.id));
}
