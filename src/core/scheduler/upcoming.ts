import type { Db } from '../../db/createDb';
import { moveToWorkingTime } from '../calendar/workCalendar';
import { parseCadence, weeklyPeriod } from '../domain/laporan/reportPeriod';
import type { InstansiSchedule } from './instansiSchedules';

const WEEK_MS = 7 * 86_400_000;

export interface TeamPlan {
  tim: { id: string; code: string; name: string; paused: boolean };
  dueAt: Date;
  /** This period's reminder rungs still ahead, moved off weekends and holidays. */
  reminders: Date[];
}

/**
 * What the scheduler will do after `now` for one instansi: each running team's rungs in the period
 * that contains `periodAt` (this week unless asked for another), and the next digest.
 */
export async function upcomingPlan(db: Db, schedule: InstansiSchedule, now: Date, periodAt = now): Promise<{ teams: TeamPlan[]; digest: Date }> {
  const zone = schedule.timeZone;
  const teams = await db.timKerja.findMany({ where: { instansiId: schedule.id, endsOn: { gte: now } }, orderBy: { name: 'asc' } });
  const plans = teams.map((tim): TeamPlan => {
    const cadence = parseCadence(tim.reportCadence);
    const period = weeklyPeriod(periodAt, zone, cadence);
    const reminders = cadence.pengingat
      .map((hours) => moveToWorkingTime(new Date(period.dueAt.getTime() + hours * 3_600_000), zone, schedule.calendar))
      .filter((at) => at > now && at < period.periodEnd);
    return { tim: { id: tim.id, code: tim.code, name: tim.name, paused: tim.remindersPausedAt !== null }, dueAt: period.dueAt, reminders };
  });
  const { hari, jam } = schedule.settings.ringkasan;
  let digest = moveToWorkingTime(weeklyPeriod(now, zone, { hari, jam }).dueAt, zone, schedule.calendar);
  if (digest <= now) digest = moveToWorkingTime(weeklyPeriod(new Date(now.getTime() + WEEK_MS), zone, { hari, jam }).dueAt, zone, schedule.calendar);
  return { teams: plans, digest };
}

/** The next thing the scheduler sends: the weekly digest, or a team's report reminder. */
export interface NextMoment { at: Date; kind: 'ringkasan' | 'pengingat'; tim?: string }

/**
 * The earliest reminder rung or digest after `now` over every instansi, looking into next week
 * when this week has none left: where a sandbox clock jumps to.
 */
export async function nextScheduledMoment(db: Db, schedules: Map<string, InstansiSchedule>, now: Date): Promise<NextMoment | null> {
  let best: NextMoment | null = null;
  const consider = (at: Date, moment: Omit<NextMoment, 'at'>) => { if (at > now && (!best || at < best.at)) best = { at, ...moment }; };
  for (const periodAt of [now, new Date(now.getTime() + WEEK_MS)]) {
    for (const schedule of schedules.values()) {
      const plan = await upcomingPlan(db, schedule, now, periodAt);
      consider(plan.digest, { kind: 'ringkasan' });
      if (schedule.remindersPaused) continue;
      for (const team of plan.teams) if (!team.tim.paused) for (const at of team.reminders) consider(at, { kind: 'pengingat', tim: team.tim.name });
    }
  }
  return best;
}
