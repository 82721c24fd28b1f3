import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/createDb';
import { storageFailure } from '../../src/db/storageFailure';
import { tempDbPath, onPostgres } from '../helpers/testDb';

const instansi = (code: string, letterhead = '{}') => ({ code, name: `Instansi ${code}`, kind: 'KOTA', timeZone: 'Asia/Makassar', policyProfile: 'BASELINE', letterhead, settings: '{}' });

let db: Db | undefined;
let other: Database.Database | undefined;
afterEach(async () => {
  if (other?.inTransaction) other.exec('ROLLBACK');
  other?.close();
  await db?.$disconnect();
  db = other = undefined;
});

/** Another connection (as another process would) takes the write lock now and commits after `ms`. */
function holdWriteLock(file: string, ms: number): void {
  other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  other.prepare(`UPDATE Instansi SET name = name`).run();
  setTimeout(() => { if (other?.inTransaction) other.exec('COMMIT'); }, ms);
}

// A backup or an admin import holding the write lock for a while must delay a turn, not fail it:
// the failed turn's message was lost (issue 10, case 6a).
// SQLite's own locking and storage errors: PostgreSQL has neither (TEST_DATABASE=postgresql skips it).
describe.skipIf(onPostgres)('another process holding the SQLite write lock', () => {
  it('makes a turn-shaped transaction (read, then write) wait until the lock is free, past Prisma’s 2 s maxWait', async () => {
    const file = tempDbPath();
    db = await createDb(file);
    holdWriteLock(file, 2_500);
    const started = Date.now();

    await db.$transaction(async (tx) => {
      await tx.instansi.findMany();
      await tx.instansi.create({ data: instansi('AFTER-LOCK') });
    });

    expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
    expect(await db.instansi.count({ where: { code: 'AFTER-LOCK' } })).toBe(1);
  }, 15_000);

  it('keeps the event loop running while a write waits (the lock is released by a timer here)', async () => {
    const file = tempDbPath();
    db = await createDb(file);
    holdWriteLock(file, 1_000);
    let ticks = 0;
    const ticker = setInterval(() => { ticks++; }, 50);

    await db.instansi.create({ data: instansi('WAITED') });
    clearInterval(ticker);

    expect(ticks).toBeGreaterThanOrEqual(10);
  }, 15_000);

  it('gives up after busyWaitMs with an error classified DATABASE_BUSY', async () => {
    const file = tempDbPath();
    db = await createDb(file, { busyWaitMs: 300 });
    holdWriteLock(file, 3_000);
    const started = Date.now();

    const failure = await db.$transaction(async (tx) => { await tx.instansi.create({ data: instansi('NEVER') }); }).then(() => null, (error: unknown) => error);

    expect(storageFailure(failure)).toBe('DATABASE_BUSY');
    expect(Date.now() - started).toBeLessThan(2_000);
  }, 15_000);
});

// SQLite's own locking and storage errors: PostgreSQL has neither (TEST_DATABASE=postgresql skips it).
describe.skipIf(onPostgres)('a full database', () => {
  it('reports SQLITE_FULL, not the rollback that found nothing to undo', async () => {
    db = await createDb(tempDbPath());
    await db.instansi.create({ data: instansi('A') });
    await db.$executeRawUnsafe('VACUUM');
    const pages = (await db.$queryRawUnsafe<Array<{ page_count: bigint }>>('PRAGMA page_count'))[0]!.page_count;
    // SQLite answers a write beyond max_page_count exactly as a full disk: SQLITE_FULL.
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);

    const failure = await db.instansi.updateMany({ where: { code: 'A' }, data: { letterhead: 'x'.repeat(50_000) } }).then(() => null, (error: unknown) => error);

    expect(storageFailure(failure)).toBe('STORAGE_FULL');
    expect(await db.instansi.count()).toBe(1);
  });
});
