import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { formatDate } from '../domain/formatTime';
import { individualTaskName } from '../domain/penunjukan/individualTaskName';
import { text } from '../messages';
import { enqueueSends } from '../outbox/enqueue';
import { once, type InstansiSchedule } from './instansiSchedules';
import { REMINDER_TOKENS } from './reportReminders';

// The last period's report may still be sent the day after the task ends (as /lapor allows).
const GRACE_MS = 86_400_000;

/**
 * C2: an individual task ends with its period ("dalam periode waktu tertentu"). A day after its
 * last day it is closed; the official and whoever gave it are told. Each task is closed once,
 * in the same transaction as its messages.
 */
export async function closeEndedTasks(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  const ended = await db.penugasan.findMany({ where: { role: 'INDIVIDU', status: 'ACTIVE', endsOn: { lte: new Date(now.getTime() - GRACE_MS) } } });
  let sent = 0;
  for (const task of ended) {
    const schedule = schedules.get(task.instansiId);
    if (!schedule) continue;
    const message = text('individu.berakhir', {
      nomor: task.number, tugas: individualTaskName(task.details), selesai: formatDate(new Date(task.endsOn!.getTime() - 1), schedule.timeZone),
    });
    const to = [...new Set([task.pegawaiId, ...(task.assignerId ? [task.assignerId] : [])])];
    sent += await once(() => db.$transaction(async (tx) => {
      const closed = await tx.penugasan.updateMany({ where: { id: task.id, status: 'ACTIVE' }, data: { status: 'ENDED' } });
      if (closed.count === 0) return 0; // another process closed it first
      await enqueueSends(tx, to.map((pegawaiId) => ({
        id: randomUUID(), idempotencyKey: `tugas-berakhir:${task.id}:${pegawaiId}`, to: { kind: 'pegawai' as const, pegawaiId }, message,
      })), REMINDER_TOKENS, now);
      return to.length;
    }));
  }
  return sent;
}
