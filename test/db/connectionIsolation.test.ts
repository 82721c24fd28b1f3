import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/createDb';
import { openTestDb, onPostgres } from '../helpers/testDb';

let db: Db;
beforeEach(async () => { ({ db } = await openTestDb()); });
afterEach(async () => { await db.$disconnect(); });

const instansi = (code: string) => ({ code, name: `Instansi ${code}`, kind: 'KOTA', timeZone: 'Asia/Makassar', policyProfile: 'BASELINE', letterhead: '{}', settings: '{}' });

// The process has one SQLite connection. A write outside a transaction must not land inside
// another turn's open transaction, or that turn's rollback would undo it (an outbox row marked
// SENT would become PENDING again and be sent twice).
// SQLite's own locking and storage errors: PostgreSQL has neither (TEST_DATABASE=postgresql skips it).
describe.skipIf(onPostgres)('one SQLite connection shared by concurrent work', () => {
  it('keeps a write made outside a transaction when a concurrent transaction rolls back', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => { entered = resolve; });
    const failing = db.$transaction(async (tx) => {
      await tx.instansi.create({ data: instansi('ROLLED-BACK') });
      entered();
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('turn failed');
    }).catch((error: Error) => error.message);
    await inside;

    await db.instansi.create({ data: instansi('OUTSIDE') });

    expect(await failing).toBe('turn failed');
    expect((await db.instansi.findMany()).map((row) => row.code)).toEqual(['OUTSIDE']);
  });

  it('does not let a read outside a transaction see another transaction’s uncommitted rows', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => { entered = resolve; });
    const failing = db.$transaction(async (tx) => {
      await tx.instansi.create({ data: instansi('UNCOMMITTED') });
      entered();
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error('turn failed');
    }).catch(() => undefined);
    await inside;

    const seen = await db.instansi.count();
    await failing;

    expect(seen).toBe(0);
  });

  it('lets go of the connection when the transaction’s own COMMIT fails', async () => {
    const failed = await db.$transaction(async (tx) => {
      await tx.instansi.create({ data: instansi('SELF-COMMITTED') });
      await tx.$executeRawUnsafe('COMMIT'); // Prisma's COMMIT now finds no transaction
    }).then(() => 'committed', (error: Error) => error.message);

    expect(failed).not.toBe('committed');
    // Without the release, this would wait forever behind the dead transaction.
    expect(await db.instansi.count()).toBe(1);
    await db.$transaction(async (tx) => { await tx.instansi.create({ data: instansi('AFTER') }); });
    expect(await db.instansi.count()).toBe(2);
  }, 10_000);
});
