// Issue 11 item 2: several bot processes on one PostgreSQL database. Each "process" here is a client
// with its own connection pool and its own core, as separate processes would have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../prisma/postgresql/throwawayServer';
import { createCore } from '../../src/core/createCore';
import { createPacingState, drainOutbox } from '../../src/core/outbox/drainOutbox';
import type { OutboundMessage } from '../../src/core/messages';
import type { Address, MessengerPort, SentRef } from '../../src/core/ports';
import { createDb, type Db } from '../../src/db/createDb';
import { MutableClock, SETTINGS, TestBot } from '../helpers/botHarness';
import { busiestSecond } from '../helpers/busiestSecond';
import { createCaptureLogger } from '../helpers/captureLogger';
import { formFlow } from '../helpers/formFlow';
import { seedMinimal } from '../helpers/seedMinimal';

let server: ThrowawayPostgres;
beforeAll(async () => { server = await startThrowawayPostgres(); }, 60_000);
afterAll(() => server?.stop());

const RATE = 40;
const CHATS = 8;
const PER_CHAT = 20;

/** One platform seen from every process: what arrived, when, sent by whom. */
class SharedPlatform {
  readonly arrivals: Array<{ key: string; chatId: string; at: number; process: number }> = [];

  messenger(process: number): MessengerPort {
    return {
      // A chat interval: each pass takes one message per chat, so the next one is often taken by another process.
      platform: 'fake', sendsPerSecond: RATE, chatIntervalMs: () => 50,
      send: async (to: Address, _message: OutboundMessage, key: string): Promise<SentRef> => {
        this.arrivals.push({ key, chatId: to.chatId, at: performance.now(), process });
        // A platform call takes a moment: other processes' sends interleave with this one.
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 6));
        return { messageId: this.arrivals.length };
      },
      edit: async () => undefined,
    };
  }
}

async function queueRows(db: Db, chats: number, perChat: number): Promise<string[]> {
  const keys: string[] = [];
  const start = Date.now() - 60_000;
  for (let n = 0; n < perChat; n++) {
    for (let chat = 0; chat < chats; chat++) keys.push(`pesan-${chat}-${n}`);
  }
  await db.outboxMessage.createMany({
    data: keys.map((key, i) => ({
      idempotencyKey: key, platform: 'fake', address: JSON.stringify({ workspace: '', chatId: key.split('-')[1] }),
      payload: JSON.stringify({ kind: 'text', text: key }), status: 'PENDING', nextAttemptAt: new Date(start), createdAt: new Date(start + i),
    })),
  });
  return keys;
}

describe('several bot processes on one PostgreSQL database', () => {
  it('drain one outbox together: each message once, each chat in order, the platform rate held by all together', async () => {
    const url = server.createDatabase('keluar');
    const clients = await Promise.all([createDb(url), createDb(url), createDb(url)]);
    const platform = new SharedPlatform();
    // Few chats, many messages each: while one process sends a chat's message, the others see the next one due.
    const keys = await queueRows(clients[0]!, CHATS, PER_CHAT);
    const drains = clients.map(async (db, process) => {
      const deps = { db, messengers: new Map([['fake', platform.messenger(process)]]), clock: { now: () => new Date() }, logger: createCaptureLogger(), pacing: createPacingState() };
      while ((await db.outboxMessage.count({ where: { status: 'PENDING' } })) > 0) {
        const result = await drainOutbox(deps, 15);
        if (result.sent === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await Promise.all(drains);

    expect(platform.arrivals.map((a) => a.key).sort()).toEqual([...keys].sort());
    for (let chat = 0; chat < CHATS; chat++) {
      expect(platform.arrivals.filter((a) => a.chatId === String(chat)).map((a) => a.key)).toEqual(Array.from({ length: PER_CHAT }, (_, n) => `pesan-${chat}-${n}`));
    }
    expect(new Set(platform.arrivals.map((a) => a.process)).size).toBe(3);
    expect(busiestSecond(platform.arrivals.map((a) => a.at))).toBeLessThanOrEqual(RATE);
    expect(await clients[0]!.outboxMessage.count({ where: { status: 'SENT' } })).toBe(keys.length);
    await Promise.all(clients.map((db) => db.$disconnect()));
  }, 60_000);

  it('gives an update delivered to two processes at once one effect', async () => {
    const bot = await TestBot.start({ flows: [formFlow], file: server.createDatabase('masuk') });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    const otherDb = await createDb(bot.file);
    const other = createCore({ db: otherDb, flows: [formFlow], clock: new MutableClock(), logger: createCaptureLogger(), settings: SETTINGS });
    const before = await bot.db.outboxMessage.count();
    const event = { kind: 'command', command: 'isi', args: '', meta: { eventKey: 'dikirim-ulang-1', account: { platform: 'fake', workspace: '', accountId: ani.accountId, chatId: ani.chatId } } };

    const results = await Promise.all([bot.core.handleEvent(event), other.handleEvent(event)]);

    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'processed']);
    expect(await bot.db.outboxMessage.count()).toBe(before + 1);
    expect(await bot.db.conversation.count()).toBe(1);
    await other.stop();
    await otherDb.$disconnect();
    await bot.stop();
  });
});
