import type { Db } from '../../db/createDb';

/**
 * At start, on a database only this process uses (SQLite): a claim still held belongs to a process
 * that died mid-send, so its rows need not wait out the lease. The claim is moved into the past,
 * not cleared, so the drain still knows (and logs) that the platform may already have them.
 */
export async function releaseClaimsOfDeadProcess(db: Db, now: Date): Promise<number> {
  const released = await db.outboxMessage.updateMany({
    where: { status: 'PENDING', claimedUntil: { gte: now } },
    data: { claimedUntil: new Date(now.getTime() - 1) },
  });
  return released.count;
}
