import { randomUUID } from 'node:crypto';
import { enqueueSends } from '../../src/core/outbox/enqueue';
import { loadInstansiSchedules } from '../../src/core/scheduler/instansiSchedules';
import { findPendingReports } from '../../src/core/scheduler/pendingReports';
import { reminderMessage } from '../../src/core/scheduler/reminderMessage';
import { REMINDER_TOKENS } from '../../src/core/scheduler/reportReminders';
import type { Db } from '../../src/db/createDb';
import type { BenchMember } from './benchOrganisation';

const CHUNK = 200;

/**
 * Queues each member's report reminder for `rung` with the reminder job's own message and
 * enqueue (enqueueSends), without runTick: a fan-out of a known size at a known moment, whatever
 * the reminder ladder's time of day. All members are in one team, so one member's pending report
 * stands for everyone's.
 */
export async function enqueueRemindersDirectly(db: Db, members: BenchMember[], rung: Date): Promise<number> {
  const first = members[0]!.pegawaiId;
  const pending = (await findPendingReports(db, rung, await loadInstansiSchedules(db), first)).get(first) ?? [];
  if (pending.length === 0) throw new Error('no pending report to remind about');
  for (let start = 0; start < members.length; start += CHUNK) {
    const sends = members.slice(start, start + CHUNK).map((m) => ({
      id: randomUUID(), idempotencyKey: `pengingat-laporan:${m.pegawaiId}:${rung.toISOString()}`, to: { kind: 'pegawai' as const, pegawaiId: m.pegawaiId },
      message: reminderMessage(m.pegawaiId, pending.map((p) => ({ ...p, pegawaiId: m.pegawaiId }))),
    }));
    await db.$transaction((tx) => enqueueSends(tx, sends, REMINDER_TOKENS, rung));
  }
  return members.length;
}
