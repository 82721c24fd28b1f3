import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/core/createCore';
import { createPacingState, drainOutbox } from '../../src/core/outbox/drainOutbox';
import { PlatformRateLimited, PlatformRejected } from '../../src/core/errors';
import { createDb } from '../../src/db/createDb';
import { MutableClock, SETTINGS, TestBot } from '../helpers/botHarness';
import { formFlow } from '../helpers/formFlow';
import { seedMinimal } from '../helpers/seedMinimal';
import { FakeMessenger } from '../fakes/fakeMessenger';
import { createCaptureLogger } from '../helpers/captureLogger';

const flows = [formFlow];
let bot: TestBot;
afterEach(async () => { vi.useRealTimers(); await bot?.stop(); });

function commandEvent(user: { accountId: string; chatId: string }, eventKey: string) {
  return { kind: 'command', command: 'isi', args: '', meta: { eventKey, account: { platform: 'fake', workspace: '', accountId: user.accountId, chatId: user.chatId } } };
}

describe('outbox', () => {
  it('sends a message exactly once when the process dies between enqueue and send', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    await bot.core.handleEvent(commandEvent(ani, 'crash-1')); // committed, never drained: the "crash"
    const file = bot.file;
    await bot.stop();

    const messenger = new FakeMessenger('fake');
    const db = await createDb(file);
    const core = createCore({ db, flows, clock: new MutableClock(), logger: createCaptureLogger(), settings: SETTINGS, messengers: [messenger] });
    // Two drains racing (the worker's timer and a wake) must not both send the claimed row.
    await Promise.all([core.drainOutbox(), core.drainOutbox()]);
    await core.drainOutbox();

    expect(messenger.sent.filter((s) => s.idempotencyKey.startsWith('crash-1#'))).toHaveLength(1);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: 'crash-1#0' } })).status).toBe('SENT');
    await db.$disconnect();
    bot = await TestBot.start({ flows, file });
  });

  it('retries a failed send with backoff and delivers it once', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    bot.messenger.failNext(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await bot.as(ani).command('isi');

    const row = await bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING' } });
    expect(row).toMatchObject({ attempts: 1, lastError: 'ECONNRESET' });
    expect(row.nextAttemptAt.getTime() - bot.clock.now().getTime()).toBe(2000);
    expect(await bot.core.drainOutbox()).toMatchObject({ sent: 0, retried: 0, failed: 0, paced: 0 }); // not due yet
    bot.clock.advance(2000);
    expect(await bot.core.drainOutbox()).toMatchObject({ sent: 1, retried: 0, failed: 0, paced: 0 });
    expect(bot.inbox(ani).filter((m) => m.kind === 'text' && m.text.startsWith('Tim Uji'))).toHaveLength(1);
  });

  it('waits for the platform Retry-After on a 429 and gives up on a permanent rejection without retrying', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    bot.messenger.failNext(new PlatformRateLimited(5000));
    await bot.as(ani).command('isi');
    const limited = await bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING' } });
    expect(limited.nextAttemptAt.getTime() - bot.clock.now().getTime()).toBe(5000);
    bot.clock.advance(5000);
    await bot.core.drainOutbox();
    expect((await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: limited.id } })).status).toBe('SENT');

    bot.messenger.failNext(new PlatformRejected('chat_not_found', true));
    await bot.as(ani).command('bantuan');
    const rejected = await bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'FAILED' } });
    expect(rejected).toMatchObject({ attempts: 1, lastError: 'chat_not_found' });
    expect(await bot.db.platformIdentity.findFirstOrThrow({ where: { pegawaiId: ids.Ani! } })).toMatchObject({ unreachableReason: 'chat_not_found' });
    bot.clock.advance(3600_000);
    expect(await bot.core.drainOutbox()).toMatchObject({ sent: 0, retried: 0, failed: 0, paced: 0 });
    const warning = bot.logger.records.find((r) => r.level === 'warn');
    expect(warning?.obj).toMatchObject({ code: 'chat_not_found', permanent: true });
    expect(JSON.stringify(bot.logger.records)).not.toContain('Perintah yang dapat');
  });

  it('keeps a chat\'s messages in order: a later one waits while an earlier one waits for its retry', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    const { enqueueSends } = await import('../../src/core/outbox/enqueue');
    const message = (n: number) => ({ id: `urut-${n}`, idempotencyKey: `urut-${n}`, to: { kind: 'pegawai' as const, pegawaiId: ani.pegawaiId }, message: { kind: 'text' as const, text: { key: 'umum.tidakDimengerti' as const } } });
    await bot.db.$transaction((tx) => enqueueSends(tx, [message(1)], { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, bot.clock.now()));
    bot.clock.advance(1);
    await bot.db.$transaction((tx) => enqueueSends(tx, [message(2)], { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, bot.clock.now()));
    bot.messenger.failNext(Object.assign(new Error('Bad Gateway'), { code: 502 }));

    expect(await bot.core.drainOutbox()).toMatchObject({ sent: 0, retried: 1 });
    // The chat's pacing window has passed and message 2 is due, but message 1 is not yet.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await bot.core.drainOutbox()).toMatchObject({ sent: 0, retried: 0 });
    bot.clock.advance(2000);
    await bot.core.drainOutbox();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await bot.core.drainOutbox();
    expect(bot.messenger.sent.map((s) => s.idempotencyKey).filter((key) => key.startsWith('urut-'))).toEqual(['urut-1', 'urut-2']);
  });

  it('keeps retrying through a long outage and gives up only on a message a day old', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    for (let i = 0; i < 12; i++) bot.messenger.failNext(Object.assign(new Error('Service Unavailable'), { code: 503 }));
    await bot.as(ani).command('isi');
    const row = await bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING' } });
    for (let attempt = 2; attempt <= 12; attempt++) {
      bot.clock.advance(10 * 60_000);
      await bot.core.drainOutbox();
    }
    expect(await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', attempts: 12 });
    bot.clock.advance(10 * 60_000);
    await bot.core.drainOutbox();
    expect(await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT' });

    await new Promise((resolve) => setTimeout(resolve, 1100)); // the chat's pacing window
    bot.messenger.failNext(Object.assign(new Error('Service Unavailable'), { code: 503 }));
    await bot.as(ani).command('bantuan');
    const late = await bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING' } });
    bot.clock.advance(24 * 3600_000);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 24 * 3600_000 });
    bot.messenger.failNext(Object.assign(new Error('Service Unavailable'), { code: 503 }));
    await bot.core.drainOutbox();
    vi.useRealTimers();
    expect(await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: 'FAILED', lastError: '503' });
  });

  it('records a message the platform accepted when writing SENT failed, and never sends it again', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    await bot.core.drainOutbox();
    const { enqueueSends } = await import('../../src/core/outbox/enqueue');
    await bot.db.$transaction((tx) => enqueueSends(tx, [{ id: 'rekam-1', idempotencyKey: 'rekam-1', to: { kind: 'pegawai', pegawaiId: ani.pegawaiId }, message: { kind: 'text', text: { key: 'umum.tidakDimengerti' } } }],
      { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, bot.clock.now()));
    // The disk is full for every write of SENT until `full` is cleared.
    let full = true;
    const outbox = bot.db.outboxMessage;
    const db = new Proxy(bot.db, {
      get: (target, prop) => (prop !== 'outboxMessage' ? Reflect.get(target, prop) : new Proxy(outbox, {
        get: (model, method) => (method !== 'update' ? Reflect.get(model, method) : (args: { data: { status?: string } }) => {
          if (full && args.data.status === 'SENT') return Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
          return outbox.update(args as Parameters<typeof outbox.update>[0]);
        }),
      })),
    });
    const messenger = new FakeMessenger('fake');
    const deps = { db, messengers: new Map([['fake', messenger]]), clock: bot.clock, logger: createCaptureLogger(), pacing: createPacingState(), sleep: async () => undefined };

    await drainOutbox(deps);
    expect(await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: 'rekam-1' } })).toMatchObject({ status: 'PENDING' });
    full = false;
    bot.clock.advance(61_000); // the lease ends: the row is claimed again
    await drainOutbox(deps);
    expect(await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: 'rekam-1' } })).toMatchObject({ status: 'SENT' });
    expect(messenger.sent.filter((s) => s.idempotencyKey === 'rekam-1')).toHaveLength(1);
  });

  it('sends the answer to a person\'s turn before reminders queued earlier', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani', 'Budi', 'Citra']);
    const ani = await bot.link(ids.Ani!);
    for (const name of ['Budi', 'Citra']) await bot.link(ids[name]!);
    await bot.core.drainOutbox();
    const { enqueueSends } = await import('../../src/core/outbox/enqueue');
    // A reminder fan-out waits in the outbox (scheduled: priority 0), as a tick leaves it.
    await bot.db.$transaction((tx) => enqueueSends(tx, ['Budi', 'Citra', 'Budi'].map((name, k) => ({
      id: `ingat-${k}`, idempotencyKey: `ingat-${k}`, to: { kind: 'pegawai' as const, pegawaiId: ids[name]! }, message: { kind: 'text' as const, text: { key: 'umum.tidakDimengerti' as const } },
    })), { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, bot.clock.now()));
    const before = bot.messenger.sent.length;

    await bot.as(ani).command('bantuan');

    const order = bot.messenger.sent.slice(before).map((s) => (s.idempotencyKey.startsWith('ingat-') ? s.idempotencyKey : 'jawaban'));
    expect(order[0]).toBe('jawaban');
    expect(order.filter((key) => key.startsWith('ingat-'))).toEqual(['ingat-0', 'ingat-1', 'ingat-2']);
  });

  it('keeps a message for a pegawai with no linked chat as undeliverable instead of dropping it', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani', 'Budi']);
    await bot.db.$transaction(async (tx) => {
      const { enqueueSends } = await import('../../src/core/outbox/enqueue');
      await enqueueSends(tx, [{ id: 'm-1', idempotencyKey: 'k-1', to: { kind: 'pegawai', pegawaiId: ids.Budi! }, message: { kind: 'text', text: { key: 'umum.tidakDimengerti' } } }],
        { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, bot.clock.now());
    });
    expect(await bot.db.outboxMessage.findUniqueOrThrow({ where: { id: 'm-1' } })).toMatchObject({ status: 'UNDELIVERABLE', platform: 'none' });
    expect(await bot.core.drainOutbox()).toMatchObject({ sent: 0, retried: 0, failed: 0, paced: 0 });
  });
});

describe('outbox documents', () => {
  it('delivers a document with its file name, type and content', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    const { enqueueSends } = await import('../../src/core/outbox/enqueue');
    await bot.db.$transaction((tx) => enqueueSends(tx, [{
      id: 'doc-1', idempotencyKey: 'doc-1', to: { kind: 'pegawai', pegawaiId: ani.pegawaiId },
      message: { kind: 'document', fileName: 'surat-tugas.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64'), caption: { key: 'umum.tidakDimengerti' } },
    }], { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, bot.clock.now()));
    await bot.core.drainOutbox();
    const document = bot.inbox(ani).find((m) => m.kind === 'document');
    expect(document).toMatchObject({ fileName: 'surat-tugas.pdf', mimeType: 'application/pdf' });
    expect(document && document.kind === 'document' && Buffer.from(document.contentBase64, 'base64').toString()).toBe('%PDF-1.4');
  });
});
