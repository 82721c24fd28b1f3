import type { Db } from '../../db/createDb';
import { inChunks } from '../../db/inChunks';
import { moveToWorkingTime } from '../calendar/workCalendar';
import { onLeave } from '../domain/cuti/leave';
import { parseCadence, weeklyPeriod } from '../domain/laporan/reportPeriod';
import { zonedDate } from '../domain/zonedTime';
import type { InstansiSchedule } from './instansiSchedules';

const DONE = new Set(['SUBMITTED', 'REVIEWED']);

export interface PendingReport {
  pegawaiId: string;
  timId: string;
  tim: string;
  periodStart: Date;
  dueAt: Date;
  state: 'BELUM' | 'DRAF' | 'REVISI';
  timeZone: string;
  /**
   * The team's reminder ladder for this period, each rung moved off days off. Rungs that land
   * outside the period (before its Monday, or after it closes) are dropped: the report cannot be
   * sent then.
   */
  rungs: Date[];
}

/**
 * Every anggota's report of this period that is still not sent, in teams whose reminders are not
 * paused, leaving out whoever is on leave today (issue 8 items 2 and 4). Optionally for one pegawai.
 */
export async function findPendingReports(db: Db, now: Date, schedules: Map<string, InstansiSchedule>, pegawaiId?: string): Promise<Map<string, PendingReport[]>> {
  const memberships = await db.membership.findMany({
    where: {
      role: 'ANGGOTA', status: 'ACTIVE', ...(pegawaiId ? { pegawaiId } : {}), pegawai: { active: true },
      tim: { startsOn: { lte: now }, endsOn: { gte: new Date(now.getTime() - 86_400_000) }, remindersPausedAt: null },
    },
    include: { tim: true },
    orderBy: { tim: { name: 'asc' } },
  });
  const live = memberships.flatMap((m) => {
    const schedule = schedules.get(m.tim.instansiId);
    if (!schedule || schedule.remindersPaused) return [];
    const cadence = parseCadence(m.tim.reportCadence);
    return [{ m, schedule, cadence, period: weeklyPeriod(now, schedule.timeZone, cadence) }];
  });
  // A few queries for every report of these periods, not one per membership.
  const periodStarts = [...new Set(live.map((x) => x.period.periodStart.getTime()))].map((t) => new Date(t));
  const authorIds = live.map((x) => x.m.pegawaiId);
  const reports = await inChunks(authorIds, (authors) => db.laporan.findMany({ where: { kind: 'KEMAJUAN_ANGGOTA', authorId: { in: authors }, periodStart: { in: periodStarts } } }));
  const reportOf = new Map(reports.map((r) => [`${r.authorId}:${r.timId}:${r.periodStart?.getTime()}`, r]));
  const leaveByZone = new Map<string, Map<string, unknown>>();
  const byPegawai = new Map<string, PendingReport[]>();
  for (const { m, schedule, cadence, period } of live) {
    const zone = schedule.timeZone;
    if (!leaveByZone.has(zone)) {
      leaveByZone.set(zone, await onLeave(db, authorIds, zonedDate(now, zone)));
    }
    if (leaveByZone.get(zone)!.has(m.pegawaiId)) continue;
    const report = reportOf.get(`${m.pegawaiId}:${m.timId}:${period.periodStart.getTime()}`);
    if (report && DONE.has(report.status)) continue;
    const rungs = cadence.pengingat
      .map((hours) => moveToWorkingTime(new Date(period.dueAt.getTime() + hours * 3_600_000), zone, schedule.calendar))
      .filter((at) => at >= period.periodStart && at < period.periodEnd);
    byPegawai.set(m.pegawaiId, [...(byPegawai.get(m.pegawaiId) ?? []), {
      pegawaiId: m.pegawaiId, timId: m.timId, tim: m.tim.name, periodStart: period.periodStart, dueAt: period.dueAt, timeZone: zone, rungs,
      state: !report ? 'BELUM' : report.status === 'REVISION_REQUESTED' ? 'REVISI' : 'DRAF',
    }]);
  }
  return byPegawai;
}
