// Dates as an Indonesian reader expects them, in the instansi's zone.

export function formatDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

/** "23–29 November 2026": the period's first and last day (its end is exclusive). */
export function formatPeriod(start: Date, endExclusive: Date, timeZone: string): string {
  const last = new Date(endExclusive.getTime() - 1);
  const format = (date: Date) => new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
  return `${format(start)} s.d. ${format(last)}`;
}

export function formatDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
}
