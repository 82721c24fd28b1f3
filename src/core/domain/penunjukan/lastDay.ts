import { zonedDate, zonedMidnight } from '../zonedTime';

/** C2: a designation's last day (TTTT-BB-HH) is after today and no later than the team's last day. */
export function validLastDay(date: string, now: Date, teamEnd: Date, timeZone: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(zonedMidnight(date, timeZone).getTime())) return false;
  return date > zonedDate(now, timeZone) && date <= zonedDate(teamEnd, timeZone);
}
