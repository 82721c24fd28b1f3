/**
 * The value (plain JSON: a core event) with every lone UTF-16 surrogate replaced by U+FFFD and
 * every NUL character removed. JSON can carry both (`"\ud800"`, `"\u0000"`), but Prisma's engine
 * refuses a string holding a lone surrogate (`JSON Error: unexpected end of hex escape`) and
 * PostgreSQL a text holding NUL, so a turn carrying one would fail (NUL on one database only):
 * adapters hand the core well-formed text only.
 */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\p{Surrogate}/gu, '\uFFFD').replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => wellFormed(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), wellFormed(item)])) as T;
  }
  return value;
}
