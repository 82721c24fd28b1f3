import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';
import { serializedConnection } from './serializedConnection';
import { connectionPragmas, migrateSqliteFile } from './sqliteDatabase';

export type Db = PrismaClient;

/** Opens (and migrates) the SQLite file and returns a Prisma client on it. */
export async function createDb(databasePath: string): Promise<Db> {
  migrateSqliteFile(databasePath);
  const db = new PrismaClient({ adapter: serializedConnection(new PrismaBetterSQLite3({ url: `file:${databasePath}`, timeout: 5000 })) });
  for (const pragma of connectionPragmas) await db.$queryRawUnsafe(`PRAGMA ${pragma}`);
  return db;
}
