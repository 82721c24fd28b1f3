import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { text } from '../messages';
import { enqueueSends } from '../outbox/enqueue';
import { zonedDate } from '../domain/zonedTime';
import { loadInstansiSchedules, once } from './instansiSchedules';
import { REMINDER_TOKENS } from './reportReminders';

/**
 * Issue 8 item 3: the admins hear once a year when the calendar has no holidays for the current
 * year (or only estimated ones): reminders would otherwise fall on days off.
 */
export async function warnAboutCalendar(db: Db, now: Date): Promise<number> {
  let sent = 0;
  for (const schedule of (await loadInstansiSchedules(db)).values()) {
    const year = Number(zonedDate(now, schedule.timeZone).slice(0, 4));
    const own = await db.hariLibur.count({ where: { instansiId: schedule.id, date: { startsWith: `${year}-` } } });
    const coverage = schedule.calendar.coverage(year);
    if (coverage === 'PASTI' || (coverage === 'KOSONG' && own > 0)) continue;
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
      return fresh.length;
    }));
  }
  return sent;
}
