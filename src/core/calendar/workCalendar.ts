import type { Tx } from '../../db/tx';
import { zonedDate, zonedMidnight } from '../domain/zonedTime';
import { NATIONAL_DAYS_OFF } from './nationalDaysOff';

export interface DayOff {
  name: string;
  kind: string;
}

/** Working days of one instansi: Monday to Friday minus national days off and its own (issue 8 item 3). */
export interface WorkCalendar {
  dayOff(date: string): DayOff | null;
  isWorkingDay(date: string): boolean;
  /** The date itself when it is a working day, else the next one. */
  nextWorkingDay(date: string): string;
  /** Whether the calendar has any national data for the year, and whether some of it is estimated. */
  coverage(year: number): 'PASTI' | 'PERKIRAAN' | 'KOSONG';
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function loadWorkCalendar(tx: Pick<Tx, 'hariLibur'>, instansiId: string): Promise<WorkCalendar> {
  const own = await tx.hariLibur.findMany({ where: { instansiId } });
  return buildCalendar(own.map((row) => ({ date: row.date, name: row.name, kind: row.kind })));
}

export function buildCalendar(own: Array<{ date: string } & DayOff>): WorkCalendar {
  const days = new Map<string, DayOff>();
  for (const day of NATIONAL_DAYS_OFF) days.set(day.date, { name: day.name, kind: day.kind });
  for (const day of own) days.set(day.date, { name: day.name, kind: day.kind });
  const dayOff = (date: string): DayOff | null => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return days.get(date) ?? { name: weekday === 0 ? 'Minggu' : 'Sabtu', kind: 'AKHIR_PEKAN' };
    return days.get(date) ?? null;
  };
  return {
    dayOff,
    isWorkingDay: (date) => dayOff(date) === null,
    nextWorkingDay(date) {
      let day = date;
      // Bounded: no calendar has a month without a working day.
      for (let i = 0; i < 31 && dayOff(day); i++) day = addDays(day, 1);
      return day;
    },
    coverage(year) {
      const national = NATIONAL_DAYS_OFF.filter((day) => day.date.startsWith(`${year}-`));
      if (national.length === 0) return 'KOSONG';
      return national.some((day) => day.perkiraan) ? 'PERKIRAAN' : 'PASTI';
    },
  };
}

/** A moment that falls on a day off moves to the same local time on the next working day. */
export function moveToWorkingTime(at: Date, timeZone: string, calendar: WorkCalendar): Date {
  const date = zonedDate(at, timeZone);
  const working = calendar.nextWorkingDay(date);
  if (working === date) return at;
  const timeOfDay = at.getTime() - zonedMidnight(date, timeZone).getTime();
  return new Date(zonedMidnight(working, timeZone).getTime() + timeOfDay);
}

/** Working days from one date to another (exclusive of the first, inclusive of the last). */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) count++;
  return count;
}
