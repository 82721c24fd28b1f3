import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import type { Tx } from '../../db/tx';
import { addDays } from '../calendar/workCalendar';
import type { WorkCalendar } from '../calendar/workCalendar';
import { zonedDate, zonedMidnight } from '../domain/zonedTime';
import { enqueueSends } from '../outbox/enqueue';
import { findPendingReports } from './pendingReports';
import { once, type InstansiSchedule } from './instansiSchedules';
import { reminderMessage } from './reminderMessage';
import { REMINDER_TOKENS, snoozeJobKey } from './reportReminders';

export type SnoozeChoice = 'SEJAM' | 'BESOK';
const MORNING_MS = 8 * 3_600_000;

/** When "ingatkan nanti" ends: in an hour, or at 08:00 on the next working day (instansi zone). */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZone: string, calendar: WorkCalendar): Date {
  if (choice === 'SEJAM') return new Date(now.getTime() + 3_600_000);
  const tomorrow = calendar.nextWorkingDay(addDays(zonedDate(now, timeZone), 1));
  return new Date(zonedMidnight(tomorrow, timeZone).getTime() + MORNING_MS);
}

/** Records the snooze as a durable job: it survives restarts and fires once, from any process. */
export async function recordSnooze(tx: Tx, pegawaiId: string, until: Date, now: Date): Promise<void> {
  await tx.scheduledRun.upsert({
    where: { jobKey_dueAt: { jobKey: snoozeJobKey(pegawaiId), dueAt: until } },
    create: { jobKey: snoozeJobKey(pegawaiId), dueAt: until, payload: JSON.stringify({ pegawaiId, snoozedAt: now.toISOString() }), status: 'PENDING' },
    update: {},
  });
}

/**
 * Sends each snooze that has ended: one reminder about the reports that were pending when it was
 * asked for and still are; none when they were sent meanwhile or their period has closed.
 */
export async function sendDueSnoozes(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  const due = await db.scheduledRun.findMany({ where: { jobKey: { startsWith: 'tunda-laporan:' }, status: 'PENDING', dueAt: { lte: now } } });
  let sent = 0;
  for (const run of due) {
    const { pegawaiId, snoozedAt } = JSON.parse(run.payload) as { pegawaiId: string; snoozedAt?: string };
    const asked = snoozedAt ? new Date(snoozedAt) : run.createdAt;
    const pending = ((await findPendingReports(db, now, schedules, pegawaiId)).get(pegawaiId) ?? []).filter((p) => p.periodStart <= asked);
    sent += await once(() => db.$transaction(async (tx) => {
      // Claiming the run is the lease: another process that got here first leaves nothing to do.
      const claimed = await tx.scheduledRun.updateMany({ where: { id: run.id, status: 'PENDING' }, data: { status: 'DONE', finishedAt: now } });
      if (claimed.count === 0 || pending.length === 0) return 0;
      await enqueueSends(tx, [{ id: randomUUID(), idempotencyKey: `tunda:${run.id}`, to: { kind: 'pegawai', pegawaiId }, message: reminderMessage(pegawaiId, pending) }], REMINDER_TOKENS, now);
      return 1;
    }));
  }
  return sent;
}
