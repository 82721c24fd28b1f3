/**
 * Prisma refuses a statement with more bind parameters than SQLite allows (P2029 at about 1,000),
 * so every IN over a list that grows with the organisation goes through here.
 */
export const IN_CHUNK = 400;

export async function inChunks<K, T>(keys: Iterable<K>, query: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) rows.push(...await query(unique.slice(i, i + IN_CHUNK)));
  return rows;
}
