import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';
import { createPostgresDb, isPostgresUrl, type PostgresOptions } from './postgresDatabase';
import { serializedConnection } from './serializedConnection';
import { connectionPragmas, DATABASE_BUSY_WAIT_MS, migrateSqliteFile } from './sqliteDatabase';

export type Db = PrismaClient;

export interface DbOptions {
  /** How long work waits for another process's write lock before failing with SQLITE_BUSY. */
  busyWaitMs?: number;
}

// SQLite's busy handler sleeps inside the synchronous call: keep it to a blink and wait longer in
// whileBusy, whose pauses let the event loop run.
const BLOCKING_BUSY_MS = 20;

/**
 * Opens (and migrates) the database and returns a Prisma client on it: a PostgreSQL server for a
 * `postgresql://` URL, otherwise the SQLite file at that path.
 */
export async function createDb(databasePath: string, options: DbOptions & PostgresOptions = {}): Promise<Db> {
  if (isPostgresUrl(databasePath)) return await createPostgresDb(databasePath, options);
  const busyWaitMs = options.busyWaitMs ?? DATABASE_BUSY_WAIT_MS;
  migrateSqliteFile(databasePath);
  const adapter = serializedConnection(new PrismaBetterSQLite3({ url: `file:${databasePath}`, timeout: BLOCKING_BUSY_MS }), { busyWaitMs });
  // Prisma gives up on a transaction that took longer than maxWait to start (P2028, default 2 s),
  // even when it then got the connection: a turn queued behind others, or behind another
  // process's lock, would fail after the wait it was allowed. Our queue and busyWaitMs bound it.
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: busyWaitMs + 60_000 } });
  for (const pragma of connectionPragmas) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${BLOCKING_BUSY_MS}`);
  return db;
}
