import type { Db } from './createDb';
import { isPostgresClient } from './postgresClients';
import type { Tx } from './tx';

/**
 * Makes the turns of one account run one after another (until this transaction ends), so two
 * updates from one person never both read the same conversation step. SQLite already runs one
 * writing transaction at a time; PostgreSQL takes a transaction-scoped advisory lock on the key,
 * which also holds across bot processes.
 */
export async function serializeTurnsOf(db: Db, tx: Tx, key: string): Promise<void> {
  if (!isPostgresClient(db)) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
