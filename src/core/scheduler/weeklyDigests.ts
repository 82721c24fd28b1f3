import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { moveToWorkingTime } from '../calendar/workCalendar';
import { PlatformSchema } from '../events';
import { parseCadence, weeklyPeriod, type ReportPeriod } from '../domain/laporan/reportPeriod';
import { teamDigest } from '../domain/ringkasan/teamDigest';
import { unitDigest } from '../domain/ringkasan/unitDigest';
import { enqueueSends, type PendingSend } from '../outbox/enqueue';
import { label, type CoreMessage } from '../messages';
import { TEAM_REPORT_FLOW_ID } from '../domain/laporan/teamReport';
import { once, type InstansiSchedule } from './instansiSchedules';
import { REMINDER_TOKENS } from './reportReminders';

const WEEK_MS = 7 * 86_400_000;
// After downtime a missed digest still goes out, marked late, if it is no older than this.
const CATCH_UP_MS = 3 * 86_400_000;
const LATE_AFTER_MS = 30 * 60_000;

/** A week's digest: the time it is due (moved off days off) and the week it reports on. */
interface DigestWeek {
  at: Date;
  /** The digest's scheduled (unmoved) time: which week it covers, even when a holiday moves it. */
  of: Date;
}

/**
 * Issue 8 item 5: each week at the instansi's digest time (moved to the next working day when it
 * falls on a day off), every ketua tim gets their team's digest and every unit head their unit's,
 * once: a `ScheduledRun` row per team or unit and week records it. A digest missed during
 * downtime is sent once when the bot is back, marked late.
 */
export async function sendWeeklyDigests(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  let sent = 0;
  for (const schedule of schedules.values()) {
    const week = latestDigestWeek(now, schedule);
    if (!week) continue;
    sent += await digestsOf(db, schedule, week, now, now.getTime() - week.at.getTime() > LATE_AFTER_MS);
  }
  return sent;
}

/** This week's digest if its time has passed, else last week's; none when that is too long ago. */
function latestDigestWeek(now: Date, schedule: InstansiSchedule): DigestWeek | null {
  const { hari, jam } = schedule.settings.ringkasan;
  const week = (when: Date): DigestWeek => {
    const of = weeklyPeriod(when, schedule.timeZone, { hari, jam }).dueAt;
    return { of, at: moveToWorkingTime(of, schedule.timeZone, schedule.calendar) };
  };
  const thisWeek = week(now);
  const chosen = thisWeek.at <= now ? thisWeek : week(new Date(now.getTime() - WEEK_MS));
  return chosen.at <= now && now.getTime() - chosen.at.getTime() <= CATCH_UP_MS ? chosen : null;
}

async function digestsOf(db: Db, schedule: InstansiSchedule, week: DigestWeek, now: Date, late: boolean): Promise<number> {
  const teams = await db.timKerja.findMany({
    where: { instansiId: schedule.id, startsOn: { lte: week.of }, endsOn: { gte: new Date(week.of.getTime() - 86_400_000) } },
    include: { memberships: { where: { role: 'KETUA', status: 'ACTIVE' } }, chats: true, ownerUnit: true },
  });
  let sent = 0;
  const byUnit = new Map<string, { headId: string; teamIds: string[]; period: ReportPeriod }>();
  for (const tim of teams) {
    const period = weeklyPeriod(week.of, schedule.timeZone, parseCadence(tim.reportCadence));
    if (tim.ownerUnit.headId) {
      const unit = byUnit.get(tim.ownerUnitId) ?? { headId: tim.ownerUnit.headId, teamIds: [], period };
      unit.teamIds.push(tim.id);
      byUnit.set(tim.ownerUnitId, unit);
    }
    const marker = { jobKey: `ringkasan-tim:${tim.id}`, dueAt: period.periodStart };
    // Every tick passes here for days after the digest time: one indexed lookup, then nothing.
    if (await db.scheduledRun.findUnique({ where: { jobKey_dueAt: marker } })) continue;
    const message = await teamDigest(db, tim.id, period, now, schedule.timeZone, late);
    const key = `ringkasan-tim:${tim.id}:${period.periodStart.toISOString()}`;
    const sends: PendingSend[] = tim.memberships.map((ketua) => ({
      id: randomUUID(), idempotencyKey: `${key}:${ketua.pegawaiId}`, to: { kind: 'pegawai', pegawaiId: ketua.pegawaiId }, message: withTeamReportButton(message, tim.id, ketua.pegawaiId),
    }));
    if (schedule.settings.ringkasanKeGrup) {
      for (const chat of tim.chats) {
        const platform = PlatformSchema.safeParse(chat.platform);
        if (!platform.success) continue;
        sends.push({ id: randomUUID(), idempotencyKey: `${key}:grup:${chat.id}`, to: { kind: 'address', platform: platform.data, address: { workspace: chat.workspace, chatId: chat.chatId }, locale: 'id' }, message });
      }
    }
    sent += await enqueueOnce(db, marker, sends, now);
  }
  for (const [unitId, unit] of byUnit) {
    const marker = { jobKey: `ringkasan-unit:${unitId}`, dueAt: unit.period.periodStart };
    if (await db.scheduledRun.findUnique({ where: { jobKey_dueAt: marker } })) continue;
    const message = await unitDigest(db, unitId, unit.teamIds, unit.period, schedule.timeZone, late);
    const key = `ringkasan-unit:${unitId}:${unit.period.periodStart.toISOString()}`;
    sent += await enqueueOnce(db, marker, [{ id: randomUUID(), idempotencyKey: key, to: { kind: 'pegawai', pegawaiId: unit.headId }, message }], now);
  }
  return sent;
}

/**
 * R3 (AC-52): the ketua's digest is also the periodic prompt for the team report, in the
 * instansi's local time; the button opens the draft (the group's copy has no button).
 */
function withTeamReportButton(message: CoreMessage, timId: string, ketuaId: string): CoreMessage {
  if (message.kind !== 'text') return message;
  return { kind: 'choice', text: message.text, rows: [[{ label: label('ringkasan.susunLaporanTim'), action: 'mulai', args: { timId }, flowId: TEAM_REPORT_FLOW_ID, scope: 'action', allowed: [ketuaId] }]] };
}

// The marker and the sends commit together: a second process finds the marker and skips.
async function enqueueOnce(db: Db, marker: { jobKey: string; dueAt: Date }, sends: PendingSend[], now: Date): Promise<number> {
  return once(() => db.$transaction(async (tx) => {
    if (await tx.scheduledRun.findUnique({ where: { jobKey_dueAt: marker } })) return 0;
    await tx.scheduledRun.create({ data: { ...marker, status: 'DONE', finishedAt: now } });
    await enqueueSends(tx, sends, REMINDER_TOKENS, now);
    return sends.length;
  }));
}
