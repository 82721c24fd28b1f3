import Database from 'better-sqlite3';

/** Row count of every table in the SQLite file, read through a read-only connection beside the bot's (WAL). */
export function tableCounts(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
    return new Map(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** The tables whose count differs, as "AuditLog 12 → 13". */
export function changedTables(before: Map<string, number>, after: Map<string, number>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).map((name) => `${name} ${before.get(name) ?? '-'} → ${after.get(name) ?? '-'}`);
}
