import type { Db } from '../../db/createDb';
import { enqueueSends, type PendingSend } from '../outbox/enqueue';
import { once } from './instansiSchedules';
import { REMINDER_TOKENS } from './reportReminders';

/** Queues the reminders not queued before (by idempotency key), in one transaction; returns how many are new. */
export async function enqueueNewReminders(db: Db, sends: PendingSend[], now: Date): Promise<number> {
  return once(() => db.$transaction(async (tx) => {
    const fresh = [];
    for (const send of sends) if (!(await tx.outboxMessage.findUnique({ where: { idempotencyKey: send.idempotencyKey } }))) fresh.push(send);
    await enqueueSends(tx, fresh, REMINDER_TOKENS, now);
    return fresh.length;
  }));
}
