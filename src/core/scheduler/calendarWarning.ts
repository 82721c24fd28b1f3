import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { text } from '../messages';
import { enqueueSends } from '../outbox/enqueue';
import { zonedDate } from '../domain/zonedTime';
import { once, type InstansiSchedule } from './instansiSchedules';
import { inOfficeHours } from './workingHours';
import { REMINDER_TOKENS } from './reportReminders';

/**
 * Issue 8 item 3: the admins hear once a year when the calendar has no holidays for the current
 * year (or only estimated ones): reminders would otherwise fall on days off.
 */
export async function warnAboutCalendar(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  let sent = 0;
  for (const schedule of schedules.values()) {
    const year = Number(zonedDate(now, schedule.timeZone).slice(0, 4));
    const coverage = schedule.calendar.coverage(year);
    // Checked once a year: the marker row makes every later tick of the year a single lookup.
    if (coverage === 'PASTI' || !inOfficeHours(now, schedule)) continue;
    const marker = { jobKey: `kalender:${schedule.id}:${coverage}`, dueAt: new Date(Date.UTC(year, 0, 1)) };
    if (await db.scheduledRun.findUnique({ where: { jobKey_dueAt: marker } })) continue;
    const admins = await db.roleHolder.findMany({ where: { instansiId: schedule.id, role: 'ADMIN' } });
    const key = `kalender:${schedule.id}:${year}:${coverage}`;
    sent += await once(() => db.$transaction(async (tx) => {
      const fresh = [];
      for (const admin of admins) {
        const idempotencyKey = `${key}:${admin.pegawaiId}`;
        if (await tx.outboxMessage.findUnique({ where: { idempotencyKey } })) continue;
        fresh.push({ id: randomUUID(), idempotencyKey, to: { kind: 'pegawai' as const, pegawaiId: admin.pegawaiId }, message: text(coverage === 'KOSONG' ? 'kalender.kosong' : 'kalender.perkiraan', { tahun: year }) });
      }
      await enqueueSends(tx, fresh, REMINDER_TOKENS, now);
      await tx.scheduledRun.create({ data: { ...marker, status: 'DONE', finishedAt: now } });
      return fresh.length;
    }));
  }
  return sent;
}
