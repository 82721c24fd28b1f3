import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { formatDate } from '../domain/formatTime';
import { individualTaskName } from '../domain/penunjukan/individualTaskName';
import { text, type CoreMessage } from '../messages';
import { enqueueSends } from '../outbox/enqueue';
import { once, type InstansiSchedule } from './instansiSchedules';
import { REMINDER_TOKENS } from './reportReminders';

const DAY_MS = 86_400_000;
// The last period's report may still be sent the day after the task ends (as /lapor allows).
const GRACE_MS = DAY_MS;

// An individual task's endsOn is the moment after its last day; a team assignment's, like the
// team's and its memberships', is the start of its last day.
const endOf = (task: { timId: string | null; endsOn: Date | null }): number => task.endsOn!.getTime() + (task.timId ? DAY_MS : 0);

type EndedTask = Awaited<ReturnType<typeof findEnded>>[number];

const findEnded = (db: Db, now: Date) => db.penugasan.findMany({
  where: { status: 'ACTIVE', endsOn: { lte: new Date(now.getTime() - GRACE_MS) } },
  include: {
    pegawai: { select: { name: true } },
    // Whoever issued it after a chain (a volunteer's last approver, the Penilai of a proposal).
    steps: { where: { status: 'APPROVED' }, orderBy: { position: 'desc' }, take: 1, select: { decidedById: true } },
    tim: { select: { name: true, ownerUnit: { select: { headId: true } }, memberships: { where: { role: 'KETUA', status: 'ACTIVE' }, select: { pegawaiId: true } } } },
  },
});

/**
 * C2 and S8: an assignment ends with its period ("dalam periode waktu tertentu"). A day after its
 * last day it is closed, with its membership of the team. The official and whoever gave it are
 * told; for a team, its ketua and the owner unit's head too (S12). Each is closed once, in the
 * same transaction as its messages.
 */
export async function closeEndedTasks(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  let sent = 0;
  for (const task of await findEnded(db, now)) {
    const schedule = schedules.get(task.instansiId);
    if (!schedule || endOf(task) > now.getTime() - GRACE_MS) continue;
    const selesai = formatDate(new Date(endOf(task) - 1), schedule.timeZone);
    const notices = task.tim ? teamNotices(task, selesai) : individualNotices(task, selesai);
    sent += await once(() => db.$transaction(async (tx) => {
      const closed = await tx.penugasan.updateMany({ where: { id: task.id, status: 'ACTIVE' }, data: { status: 'ENDED' } });
      if (closed.count === 0) return 0; // another process closed it first
      await tx.membership.updateMany({ where: { penugasanId: task.id, status: 'ACTIVE' }, data: { status: 'ENDED' } });
      await enqueueSends(tx, [...notices].map(([pegawaiId, message]) => ({
        id: randomUUID(), idempotencyKey: `tugas-berakhir:${task.id}:${pegawaiId}`, to: { kind: 'pegawai' as const, pegawaiId }, message,
      })), REMINDER_TOKENS, now);
      return notices.size;
    }));
  }
  return sent;
}

function individualNotices(task: EndedTask, selesai: string): Map<string, CoreMessage> {
  const message = text('individu.berakhir', { nomor: task.number, tugas: individualTaskName(task.details), selesai });
  return new Map([task.pegawaiId, ...issuers(task)].map((id) => [id, message]));
}

function teamNotices(task: EndedTask, selesai: string): Map<string, CoreMessage> {
  const tim = task.tim!;
  const others = [...issuers(task), tim.ownerUnit.headId, ...tim.memberships.map((m) => m.pegawaiId)].filter((id): id is string => !!id && id !== task.pegawaiId);
  const notices = new Map<string, CoreMessage>(others.map((id) => [id, text('penugasan.berakhirTembusan', { nama: task.pegawai.name, nomor: task.number, tim: tim.name, selesai })]));
  notices.set(task.pegawaiId, text('penugasan.berakhir', { nomor: task.number, tim: tim.name, selesai }));
  return notices;
}

/** Who gave the assignment: the head who designated or asked for the official, and whoever issued it last. */
function issuers(task: EndedTask): string[] {
  return [task.assignerId, task.steps[0]?.decidedById].filter((id): id is string => !!id);
}
