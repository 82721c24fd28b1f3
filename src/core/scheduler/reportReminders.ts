import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from '../outbox/enqueue';
import { findPendingReports, type PendingReport } from './pendingReports';
import { once, type InstansiSchedule } from './instansiSchedules';
import { REPORT_FLOW_ID, reminderMessage } from './reminderMessage';
import { inOfficeHours } from './workingHours';

export { REPORT_FLOW_ID } from './reminderMessage';

export const REMINDER_TOKENS = { flowId: REPORT_FLOW_ID, step: null, stepTtlMs: ACTION_TOKEN_TTL_MS, actionTtlMs: ACTION_TOKEN_TTL_MS };
// A rung noticed later than this (downtime, a pause lifted) is a catch-up: it waits for office hours.
const ON_TIME_MS = 30 * 60_000;

export interface FanOutOptions {
  /** Called after each person's reminder is committed (tests simulate a crash mid fan-out here). */
  afterEach?(sent: number): void;
}

/**
 * Reminds each anggota with a report still pending, in one message covering all their teams. A
 * `ScheduledRun` row per person records the latest rung reminded: every rung up to it is covered,
 * so a restart, a second process or a second team never sends it again, and after downtime only
 * the latest rung goes out, in office hours. A snooze absorbs the rungs before it ends.
 */
export async function sendDueReportReminders(db: Db, now: Date, schedules: Map<string, InstansiSchedule>, options: FanOutOptions = {}): Promise<number> {
  const pendingByPegawai = await findPendingReports(db, now, schedules);
  let sent = 0;
  for (const [pegawaiId, pending] of pendingByPegawai) {
    const rung = latestRung(pending, now);
    if (!rung) continue;
    const schedule = schedules.get((await instansiOf(db, pegawaiId)) ?? '');
    if (now.getTime() - rung.getTime() > ON_TIME_MS && (!schedule || !inOfficeHours(now, schedule))) continue;
    if (await covered(db, pegawaiId, rung)) continue;
    sent += await once(() => db.$transaction(async (tx) => {
      if (await tx.scheduledRun.findFirst({ where: { jobKey: reminderJobKey(pegawaiId), dueAt: { gte: rung } } })) return 0;
      await tx.scheduledRun.create({ data: { jobKey: reminderJobKey(pegawaiId), dueAt: rung, status: 'DONE', finishedAt: now } });
      const key = `pengingat-laporan:${pegawaiId}:${rung.toISOString()}`;
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

// Covered: a reminder at or after this rung was sent, or a snooze ("ingatkan nanti") runs past it.
async function covered(db: Db, pegawaiId: string, rung: Date): Promise<boolean> {
  const runs = await db.scheduledRun.count({ where: { jobKey: { in: [reminderJobKey(pegawaiId), snoozeJobKey(pegawaiId)] }, dueAt: { gte: rung } } });
  return runs > 0;
}

async function instansiOf(db: Db, pegawaiId: string): Promise<string | undefined> {
  return (await db.pegawai.findUnique({ where: { id: pegawaiId }, select: { instansiId: true } }))?.instansiId;
}

const reminderJobKey = (pegawaiId: string) => `pengingat-laporan:${pegawaiId}`;
export const snoozeJobKey = (pegawaiId: string) => `tunda-laporan:${pegawaiId}`;
