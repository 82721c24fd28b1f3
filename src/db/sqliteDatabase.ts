// Everything SQLite-specific lives here: the file, its pragmas and the migration runner.
// A PostgreSQL deployment gets its own module beside this one (issue: scale out).
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const defaultMigrationsDir = path.join(import.meta.dirname, '..', '..', 'prisma', 'migrations');

// Same table Prisma's `migrate deploy` keeps, so `prisma migrate status` agrees with us.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Pragmas for every connection: WAL for concurrent readers, enforced foreign keys. */
export const connectionPragmas = ['journal_mode = WAL', 'foreign_keys = ON', 'synchronous = NORMAL'];

/**
 * How long the bot waits for another process holding the write lock (an admin import, a backup)
 * before a turn gives up and the user is told the system is busy. Longer than any routine lock.
 */
export const DATABASE_BUSY_WAIT_MS = 30_000;

export interface MigrationResult {
  applied: string[];
}

/** Creates the file if needed and applies every migration folder not yet recorded, in name order. */
export function migrateSqliteFile(databasePath: string, migrationsDir = defaultMigrationsDir): MigrationResult {
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const db = new Database(databasePath);
  try {
    // Nothing else runs yet at startup: blocking while another process holds the lock is fine.
    db.pragma(`busy_timeout = ${DATABASE_BUSY_WAIT_MS}`);
    for (const pragma of connectionPragmas) db.pragma(pragma);
    // Prisma rebuilds a table by create-copy-drop-rename; with foreign keys on, the drop would
    // cascade-delete dependent rows. The pragma is a no-op inside a transaction, so set it here.
    db.pragma('foreign_keys = OFF');
    db.exec(MIGRATIONS_TABLE);
    const done = new Set(
      db.prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const pending = readdirSync(migrationsDir)
      .filter((name) => existsSync(path.join(migrationsDir, name, 'migration.sql')) && !done.has(name))
      .sort();
    for (const name of pending) applyOne(db, name, readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'));
    return { applied: pending };
  } finally {
    db.close();
  }
}

function applyOne(db: Database.Database, name: string, sql: string): void {
  const checksum = createHash('sha256').update(sql).digest('hex');
  db.transaction(() => {
    db.exec(sql);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration ${name} leaves ${broken.length} rows with broken foreign keys`);
    db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
       VALUES (?, ?, current_timestamp, ?, 1, current_timestamp)`,
    ).run(randomUUID(), checksum, name);
  })();
}
