import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from '../outbox/enqueue';
import { findPendingReports, type PendingReport } from './pendingReports';
import { loadInstansiSchedules, once } from './instansiSchedules';
import { REPORT_FLOW_ID, reminderMessage } from './reminderMessage';

export { REPORT_FLOW_ID } from './reminderMessage';

export const REMINDER_TOKENS = { flowId: REPORT_FLOW_ID, step: null, stepTtlMs: ACTION_TOKEN_TTL_MS, actionTtlMs: ACTION_TOKEN_TTL_MS };

export interface FanOutOptions {
  /** Called after each person's reminder is committed (tests simulate a crash mid fan-out here). */
  afterEach?(sent: number): void;
}

/**
 * Reminds each anggota with a report still pending, in one message covering all their teams. The
 * key is the latest rung now due, so a restart or a second process sends each reminder once, and
 * after downtime only the latest rung goes out. A snooze absorbs the rungs before it ends.
 */
export async function sendDueReportReminders(db: Db, now: Date, options: FanOutOptions = {}): Promise<number> {
  const pendingByPegawai = await findPendingReports(db, now, await loadInstansiSchedules(db));
  let sent = 0;
  for (const [pegawaiId, pending] of pendingByPegawai) {
    const rung = latestRung(pending, now);
    if (!rung || (await snoozedPast(db, pegawaiId, rung))) continue;
    const key = `pengingat-laporan:${pegawaiId}:${rung.toISOString()}`;
    sent += await once(() => db.$transaction(async (tx) => {
      if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: key } })) return 0;
      await enqueueSends(tx, [{ id: randomUUID(), idempotencyKey: key, to: { kind: 'pegawai', pegawaiId }, message: reminderMessage(pegawaiId, pending) }], REMINDER_TOKENS, now);
      return 1;
    }));
    options.afterEach?.(sent);
  }
  return sent;
}

/** The most recent rung of any pending team that is due by now, if any. */
function latestRung(pending: PendingReport[], now: Date): Date | null {
  const due = pending.flatMap((p) => p.rungs).filter((at) => at <= now);
  return due.length === 0 ? null : new Date(Math.max(...due.map((d) => d.getTime())));
}

// "Ingatkan nanti": a rung that falls before the snooze ends is answered by the snooze itself.
async function snoozedPast(db: Db, pegawaiId: string, rung: Date): Promise<boolean> {
  return (await db.scheduledRun.count({ where: { jobKey: snoozeJobKey(pegawaiId), dueAt: { gte: rung } } })) > 0;
}

export const snoozeJobKey = (pegawaiId: string) => `tunda-laporan:${pegawaiId}`;
