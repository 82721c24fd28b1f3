/** Small statistics for the bench: medians of runs and percentiles of latency samples. */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (p in 0..100): with 50 samples, p99 is the largest. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** Milliseconds since an hrtime origin, with sub-millisecond precision. */
export const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;
