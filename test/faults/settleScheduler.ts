import { runTick } from '../../src/core/scheduler/runTick';
import type { Db } from '../../src/db/createDb';
import { createLogger } from '../../src/logger';

/**
 * Runs the scheduler's due work (reminder rungs, digests) once on a prepared database and marks
 * it as sent (SENT without a sentAt: outboxLedger.ts leaves such rows out): the bot's own ticks
 * then send nothing during a case, which compares what it sends.
 */
export async function settleScheduler(db: Db): Promise<void> {
  await runTick(db, new Date(), createLogger('silent'));
  await db.outboxMessage.updateMany({ where: { status: 'PENDING' }, data: { status: 'SENT' } });
}
