import type { Db } from '../../db/createDb';
import type { Param } from '../catalog/t';
import { taskSubject } from '../domain/workSubject';
import { inChunks } from '../../db/inChunks';
import { moveToWorkingTime } from '../calendar/workCalendar';
import { onLeave } from '../domain/cuti/leave';
import { parseCadence, weeklyPeriod } from '../domain/laporan/reportPeriod';
import { zonedDate } from '../domain/zonedTime';
import type { InstansiSchedule } from './instansiSchedules';

const DONE = new Set(['SUBMITTED', 'REVIEWED']);

export interface PendingReport {
  pegawaiId: string;
  /** A team, or an individual task (R2): how the reminder names what is to be reported. */
  tim: Param;
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

/** One report an official owes each period: as anggota of a team, or on an individual task. */
interface Duty { pegawaiId: string; instansiId: string; name: Param; cadence: string; reportKey: string }

const reportKeyOf = (r: { authorId: string; timId: string | null; penugasanId: string | null; periodStart: Date | null }) =>
  `${r.authorId}:${r.timId ?? r.penugasanId}:${r.periodStart?.getTime()}`;

async function findDuties(db: Db, now: Date, pegawaiId?: string): Promise<Duty[]> {
  const running = { startsOn: { lte: now }, endsOn: { gte: new Date(now.getTime() - 86_400_000) } };
  const memberships = await db.membership.findMany({
    where: { role: 'ANGGOTA', status: 'ACTIVE', ...(pegawaiId ? { pegawaiId } : {}), pegawai: { active: true }, tim: { ...running, remindersPausedAt: null } },
    include: { tim: true },
    orderBy: { tim: { name: 'asc' } },
  });
  const tasks = await db.penugasan.findMany({
    where: { role: 'INDIVIDU', status: 'ACTIVE', ...(pegawaiId ? { pegawaiId } : {}), pegawai: { active: true }, ...running },
    orderBy: { number: 'asc' },
  });
  return [
    ...memberships.map((m) => ({ pegawaiId: m.pegawaiId, instansiId: m.tim.instansiId, name: m.tim.name, cadence: m.tim.reportCadence, reportKey: m.timId })),
    // An individual task reports on the default weekly cadence, as in /lapor.
    ...tasks.map((p) => ({ pegawaiId: p.pegawaiId, instansiId: p.instansiId, name: taskSubject(p.details), cadence: '', reportKey: p.id })),
  ];
}

/**
 * Every report of this period that is still not sent (an anggota's in teams whose reminders are
 * not paused, and every individual task's), leaving out whoever is on leave today (issue 8 items
 * 2 and 4). Optionally for one pegawai.
 */
export async function findPendingReports(db: Db, now: Date, schedules: Map<string, InstansiSchedule>, pegawaiId?: string): Promise<Map<string, PendingReport[]>> {
  const live = (await findDuties(db, now, pegawaiId)).flatMap((duty) => {
    const schedule = schedules.get(duty.instansiId);
    if (!schedule || schedule.remindersPaused) return [];
    const cadence = parseCadence(duty.cadence);
    return [{ duty, schedule, cadence, period: weeklyPeriod(now, schedule.timeZone, cadence) }];
  });
  // A few queries for every report of these periods, not one per duty.
  const periodStarts = [...new Set(live.map((x) => x.period.periodStart.getTime()))].map((t) => new Date(t));
  const authorIds = live.map((x) => x.duty.pegawaiId);
  const reports = await inChunks(authorIds, (authors) => db.laporan.findMany({
    where: { kind: { in: ['KEMAJUAN_ANGGOTA', 'KEMAJUAN_INDIVIDU'] }, authorId: { in: authors }, periodStart: { in: periodStarts } },
  }));
  const reportOf = new Map(reports.map((r) => [reportKeyOf(r), r]));
  const leaveByZone = new Map<string, Map<string, unknown>>();
  const byPegawai = new Map<string, PendingReport[]>();
  for (const { duty, schedule, cadence, period } of live) {
    const zone = schedule.timeZone;
    if (!leaveByZone.has(zone)) leaveByZone.set(zone, await onLeave(db, authorIds, zonedDate(now, zone)));
    if (leaveByZone.get(zone)!.has(duty.pegawaiId)) continue;
    const report = reportOf.get(`${duty.pegawaiId}:${duty.reportKey}:${period.periodStart.getTime()}`);
    if (report && DONE.has(report.status)) continue;
    const rungs = cadence.pengingat
      .map((hours) => moveToWorkingTime(new Date(period.dueAt.getTime() + hours * 3_600_000), zone, schedule.calendar))
      .filter((at) => at >= period.periodStart && at < period.periodEnd);
    byPegawai.set(duty.pegawaiId, [...(byPegawai.get(duty.pegawaiId) ?? []), {
      pegawaiId: duty.pegawaiId, tim: duty.name, periodStart: period.periodStart, dueAt: period.dueAt, timeZone: zone, rungs,
      state: !report ? 'BELUM' : report.status === 'REVISION_REQUESTED' ? 'REVISI' : 'DRAF',
    }]);
  }
  return byPegawai;
}
