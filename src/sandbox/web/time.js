let timeZone = 'Asia/Jakarta';

export const LONG_DATE = { dateStyle: 'full', timeStyle: 'short' };

export function setTimeZone(zone) {
  if (zone) timeZone = zone;
}

export function formatDate(iso, options) {
  try { return new Intl.DateTimeFormat('id-ID', { ...options, timeZone }).format(new Date(iso)); } catch { return iso; }
}
