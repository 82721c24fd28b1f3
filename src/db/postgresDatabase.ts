// Everything PostgreSQL-specific lives here (issue 11): the connection pool and the migration
// runner. The schema and migrations are written from the SQLite source (prisma/providerSchema.ts).
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as PostgresClient } from './generated-pg/client';
import type { PrismaClient } from './generated/client';
import type { MigrationResult } from './sqliteDatabase';
import { registerPostgresClient } from './postgresClients';

export const defaultPostgresMigrationsDir = path.join(import.meta.dirname, '..', '..', 'prisma', 'postgresql', 'migrations');

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//.test(location);

export interface PostgresOptions {
  /** Connections in this process's pool. */
  poolSize?: number;
  /** The server cancels a statement that runs longer (0: no limit). */
  statementTimeoutMs?: number;
}

// Same table Prisma's `migrate deploy` keeps, so `prisma migrate status` agrees with us.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
// Several bot processes may start at once: one migrates, the others wait for it.
const MIGRATION_LOCK = 7_283_611;

/** Applies every migration folder not yet recorded, in name order, each in its own transaction. */
export async function migratePostgres(url: string, migrationsDir = defaultPostgresMigrationsDir): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    const done = new Set(rows.map((row) => row.migration_name));
    const pending = readdirSync(migrationsDir).filter((name) => existsSync(path.join(migrationsDir, name, 'migration.sql')) && !done.has(name)).sort();
    for (const name of pending) {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)',
          [randomUUID(), createHash('sha256').update(sql).digest('hex'), name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migrasi ${name} gagal: ${(error as Error).message}`);
      }
    }
    return { applied: pending };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Migrates and opens a PostgreSQL database. The client is generated from the PostgreSQL schema;
 * its API is the SQLite client's (one source schema), so the rest of the code sees one type.
 * SSL follows the URL (`?sslmode=require`).
 */
export async function createPostgresDb(url: string, options: PostgresOptions = {}): Promise<PrismaClient> {
  await migratePostgres(url);
  const adapter = new PrismaPg({ connectionString: url, max: options.poolSize ?? 10, ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) });
  // An import of a Pemda's organisation is one transaction of many statements: allow it a minute.
  const db = new PostgresClient({ adapter, transactionOptions: { maxWait: 30_000, timeout: 60_000 } });
  registerPostgresClient(db);
  return db as unknown as PrismaClient;
}
