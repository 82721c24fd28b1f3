import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { moveToWorkingTime } from '../calendar/workCalendar';
import { weeklyPeriod, type ReportPeriod } from '../domain/laporan/reportPeriod';
import { parseCadence } from '../domain/laporan/reportPeriod';
import { teamDigest } from '../domain/ringkasan/teamDigest';
import { unitDigest } from '../domain/ringkasan/unitDigest';
import type { CoreMessage } from '../messages';
import { enqueueSends, type PendingSend } from '../outbox/enqueue';
import { loadInstansiSchedules, once, type InstansiSchedule } from './instansiSchedules';
import { REMINDER_TOKENS } from './reportReminders';

const WEEK_MS = 7 * 86_400_000;
// After downtime a missed digest still goes out, marked late, if it is no older than this.
const CATCH_UP_MS = 3 * 86_400_000;
const LATE_AFTER_MS = 30 * 60_000;

/**
 * Issue 8 item 5: each week at the instansi's digest time (moved off days off), every ketua tim
 * gets their team's digest and every unit head gets their unit's, once (keyed by team or unit and
 * period). A digest missed during downtime is sent once when the bot is back, marked late.
 */
export async function sendWeeklyDigests(db: Db, now: Date): Promise<number> {
  let sent = 0;
  for (const schedule of (await loadInstansiSchedules(db)).values()) {
    const moment = latestDigestMoment(now, schedule);
    if (!moment) continue;
    const late = now.getTime() - moment.getTime() > LATE_AFTER_MS;
    sent += await digestsOf(db, schedule, moment, now, late);
  }
  return sent;
}

/** This week's digest time if it has passed, else last week's; none when that is too long ago. */
function latestDigestMoment(now: Date, schedule: InstansiSchedule): Date | null {
  const { hari, jam } = schedule.settings.ringkasan;
  const at = (when: Date) => moveToWorkingTime(weeklyPeriod(when, schedule.timeZone, { hari, jam }).dueAt, schedule.timeZone, schedule.calendar);
  const thisWeek = at(now);
  const moment = thisWeek <= now ? thisWeek : at(new Date(now.getTime() - WEEK_MS));
  return moment <= now && now.getTime() - moment.getTime() <= CATCH_UP_MS ? moment : null;
}

async function digestsOf(db: Db, schedule: InstansiSchedule, moment: Date, now: Date, late: boolean): Promise<number> {
  const teams = await db.timKerja.findMany({
    where: { instansiId: schedule.id, startsOn: { lte: moment }, endsOn: { gte: new Date(moment.getTime() - 86_400_000) } },
    include: { memberships: { where: { role: 'KETUA', status: 'ACTIVE' } }, chats: true, ownerUnit: true },
  });
  let sent = 0;
  const byUnit = new Map<string, { headId: string; teamIds: string[]; period: ReportPeriod }>();
  for (const tim of teams) {
    const period = weeklyPeriod(moment, schedule.timeZone, parseCadence(tim.reportCadence));
    const key = `ringkasan-tim:${tim.id}:${period.periodStart.toISOString()}`;
    if (tim.ownerUnit.headId) {
      const unit = byUnit.get(tim.ownerUnitId) ?? { headId: tim.ownerUnit.headId, teamIds: [], period };
      unit.teamIds.push(tim.id);
      byUnit.set(tim.ownerUnitId, unit);
    }
    // Every tick passes here for days after the digest time: build a digest only once.
    if (await alreadySent(db, key)) continue;
    const message = await teamDigest(db, tim.id, period, now, schedule.timeZone, late);
    const sends: PendingSend[] = tim.memberships.map((ketua) => ({ id: randomUUID(), idempotencyKey: `${key}:${ketua.pegawaiId}`, to: { kind: 'pegawai', pegawaiId: ketua.pegawaiId }, message }));
    if (schedule.settings.ringkasanKeGrup) {
      for (const chat of tim.chats) {
        sends.push({ id: randomUUID(), idempotencyKey: `${key}:grup:${chat.id}`, to: { kind: 'address', platform: chat.platform as 'telegram', address: { workspace: chat.workspace, chatId: chat.chatId }, locale: 'id' }, message });
      }
    }
    sent += await enqueueOnce(db, sends, now);
  }
  for (const [unitId, unit] of byUnit) {
    const key = `ringkasan-unit:${unitId}:${unit.period.periodStart.toISOString()}`;
    if (await alreadySent(db, key)) continue;
    const message: CoreMessage = await unitDigest(db, unitId, unit.teamIds, unit.period, schedule.timeZone, late);
    sent += await enqueueOnce(db, [{ id: randomUUID(), idempotencyKey: key, to: { kind: 'pegawai', pegawaiId: unit.headId }, message }], now);
  }
  return sent;
}

async function alreadySent(db: Db, key: string): Promise<boolean> {
  return (await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: key } } })) > 0;
}

async function enqueueOnce(db: Db, sends: PendingSend[], now: Date): Promise<number> {
  return once(() => db.$transaction(async (tx) => {
    const fresh: PendingSend[] = [];
    for (const send of sends) if (!(await tx.outboxMessage.findUnique({ where: { idempotencyKey: send.idempotencyKey } }))) fresh.push(send);
    await enqueueSends(tx, fresh, REMINDER_TOKENS, now);
    return fresh.length;
  }));
}
