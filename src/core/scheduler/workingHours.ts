import { zonedDate, startOfZonedDay } from '../domain/zonedTime';
import type { InstansiSchedule } from './instansiSchedules';

// Reminders with no set time of their own (approvals) go out in office hours only: 08:00–16:00.
const OPEN_MS = 8 * 3_600_000;
const CLOSE_MS = 16 * 3_600_000;

export function inOfficeHours(now: Date, schedule: InstansiSchedule): boolean {
  if (!schedule.calendar.isWorkingDay(zonedDate(now, schedule.timeZone))) return false;
  const sinceMidnight = now.getTime() - startOfZonedDay(now, schedule.timeZone).getTime();
  return sinceMidnight >= OPEN_MS && sinceMidnight < CLOSE_MS;
}
