// Calendar dates of an instansi are evaluated in its IANA zone (WIB, WITA, WIT; domain-spec §0.4).

function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at.getTime();
}

/** The instant a calendar date (`YYYY-MM-DD`) begins in a zone: `2026-11-01` in WITA is 2026-10-31T16:00Z. */
export function zonedMidnight(date: string, timeZone: string): Date {
  const utc = new Date(`${date}T00:00:00Z`);
  return new Date(utc.getTime() - zoneOffsetMs(utc, timeZone));
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a zone. */
export function zonedDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The start of the day an instant falls on, in a zone. */
export function startOfZonedDay(at: Date, timeZone: string): Date {
  return zonedMidnight(zonedDate(at, timeZone), timeZone);
}
