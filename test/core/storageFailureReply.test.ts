import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/core/catalog/t';
import { createDb } from '../../src/db/createDb';
import { MutableClock, TestBot, messageText, type TestUser } from '../helpers/botHarness';
import { formFlow } from '../helpers/formFlow';
import { seedMinimal } from '../helpers/seedMinimal';
import { tempDbPath, onPostgres } from '../helpers/testDb';

let bot: TestBot;
let other: Database.Database | undefined;
afterEach(async () => {
  other?.close();
  other = undefined;
  await bot?.stop();
});

async function startWithAni(busyWaitMs?: number): Promise<TestUser> {
  const file = tempDbPath();
  bot = new TestBot(await createDb(file, busyWaitMs === undefined ? {} : { busyWaitMs }), file, new MutableClock(), [formFlow]);
  const { ids } = await seedMinimal(bot.db, ['Ani']);
  return bot.link(ids.Ani!);
}

let sequence = 0;
/** One event straight into the core, without draining the outbox afterwards. */
const text = (user: TestUser, body: string) => bot.core.handleEvent({
  kind: 'text', text: body, meta: { eventKey: `storage-${process.pid}-${++sequence}`, account: { platform: 'fake', workspace: '', accountId: user.accountId, chatId: user.chatId } },
});
const turnFailures = () => bot.logger.records.filter((r) => r.msg === 'turn failed').map((r) => (r.obj as { code?: string }).code);

// The database refused the turn and would refuse (or delay) its reply in the outbox too: the
// person must still be told, at once and in plain words, that the message was not saved.
// SQLite's own locking and storage errors: PostgreSQL has neither (TEST_DATABASE=postgresql skips it).
describe.skipIf(onPostgres)('a turn the storage refused', () => {
  it('on a full disk: answers "penyimpanan penuh" at once, logs STORAGE_FULL, and takes the message again once there is room', async () => {
    const ani = await startWithAni();
    await bot.as(ani).command('isi');
    await bot.db.$executeRawUnsafe('VACUUM');
    const pages = (await bot.db.$queryRawUnsafe<Array<{ page_count: bigint }>>('PRAGMA page_count'))[0]!.page_count;
    await bot.db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
    const motivation = `Motivasi ${'panjang '.repeat(900)}`;

    const refused = await text(ani, motivation);

    expect(refused).toMatchObject({ status: 'error', notice: t('id', 'umum.penyimpananPenuh') });
    expect(bot.lastText(ani)).toBe(t('id', 'umum.penyimpananPenuh'));
    expect(turnFailures()).toEqual(['STORAGE_FULL']);

    await bot.db.$queryRawUnsafe('PRAGMA max_page_count = 1073741823');
    await bot.as(ani).say(motivation);
    expect(messageText(bot.inbox(ani).at(-1)!)).toContain('Motivasi panjang');
  });

  it('when another process keeps the write lock past the wait: answers "sistem sibuk" at once instead of waiting again', async () => {
    const ani = await startWithAni(300);
    await bot.as(ani).command('isi');
    other = new Database(bot.file);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();

    const refused = await text(ani, 'Motivasi yang cukup panjang untuk diuji');

    expect(refused.status).toBe('error');
    expect(bot.lastText(ani)).toBe(t('id', 'umum.sistemSibuk'));
    expect(turnFailures()).toEqual(['DATABASE_BUSY']);
    expect(Date.now() - started).toBeLessThan(2_000);

    other.exec('ROLLBACK');
    await bot.as(ani).say('Motivasi yang cukup panjang untuk diuji');
    expect(bot.lastText(ani)).toContain('Motivasi yang cukup panjang untuk diuji');
  }, 15_000);
});
