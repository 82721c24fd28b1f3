import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { moveToWorkingTime } from '../calendar/workCalendar';
import { onLeave } from '../domain/cuti/leave';
import { formatDateTime } from '../domain/formatTime';
import { REQUESTED_FLOW_ID, RequestedContentSchema } from '../domain/laporan/requestedReport';
import { zonedDate } from '../domain/zonedTime';
import { choice, label } from '../messages';
import { enqueueSends } from '../outbox/enqueue';
import { once, type InstansiSchedule } from './instansiSchedules';
import { inOfficeHours } from './workingHours';
import { REMINDER_TOKENS } from './reportReminders';

// Two hours before the deadline, one hour after it, and the next working day.
const LADDER_MS = [-2 * 3_600_000, 3_600_000, 24 * 3_600_000];

/** Issue 7 item 4 / issue 8 item 2: an open request for a report reminds its addressee, also when late. */
export async function sendRequestedReportReminders(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  const open = await db.laporan.findMany({ where: { kind: 'DIMINTA', status: 'REQUESTED', dueAt: { not: null }, tim: { remindersPausedAt: null } }, include: { tim: true } });
  let sent = 0;
  for (const laporan of open) {
    const schedule = schedules.get(laporan.instansiId);
    if (!schedule || schedule.remindersPaused) continue;
    const rungs = LADDER_MS.map((offset) => moveToWorkingTime(new Date(laporan.dueAt!.getTime() + offset), schedule.timeZone, schedule.calendar));
    const index = rungs.findLastIndex((at) => at <= now);
    // A rung noticed late (downtime) waits for office hours.
    if (index >= 0 && now.getTime() - rungs[index]!.getTime() > 30 * 60_000 && !inOfficeHours(now, schedule)) continue;
    if (index < 0 || (await onLeave(db, [laporan.authorId], zonedDate(now, schedule.timeZone))).size > 0) continue;
    const content = RequestedContentSchema.parse(JSON.parse(laporan.content));
    const requester = await db.pegawai.findUnique({ where: { id: content.requesterId } });
    const key = `pengingat-diminta:${laporan.id}:${index}`;
    const message = choice(laporan.dueAt! < now ? 'pengingat.dimintaTerlambat' : 'pengingat.diminta', [[{
      label: label('diminta.jawab'), action: 'jawab', args: { laporanId: laporan.id }, scope: 'action', flowId: REQUESTED_FLOW_ID, allowed: [laporan.authorId], style: 'primary',
    }]], { peminta: requester?.name ?? '-', topik: content.topik, tim: laporan.tim?.name ?? '-', batas: formatDateTime(laporan.dueAt!, schedule.timeZone) });
    sent += await once(() => db.$transaction(async (tx) => {
      if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: key } })) return 0;
      await enqueueSends(tx, [{ id: randomUUID(), idempotencyKey: key, to: { kind: 'pegawai', pegawaiId: laporan.authorId }, message }], { ...REMINDER_TOKENS, flowId: REQUESTED_FLOW_ID }, now);
      return 1;
    }));
  }
  return sent;
}
