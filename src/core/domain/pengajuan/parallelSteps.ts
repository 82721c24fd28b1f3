import type { RequestChain } from './requestChain';

type Step = { position: number; performer: string; kind: string };

/**
 * The steps decided together with the one at `position`: the run of steps joined by
 * `parallelWithPrevious` (Magelang: the home Kepala PD and the Penilai both approve). A step
 * without a partner is a group of one.
 */
export function stepGroup<S extends Step>(steps: S[], position: number, chain: RequestChain): S[] {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  let start = ordered.findIndex((s) => s.position === position);
  while (start > 0 && chain.parallel(ordered[start]!)) start -= 1;
  let end = start;
  while (end + 1 < ordered.length && chain.parallel(ordered[end + 1]!)) end += 1;
  return ordered.slice(start, end + 1);
}
