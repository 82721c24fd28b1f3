/** Exponential backoff with a cap: 2 s, 4 s, 8 s … up to 10 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempt - 1), 10 * 60 * 1000);
}
