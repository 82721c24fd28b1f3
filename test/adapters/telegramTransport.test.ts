import { createServer } from 'node:net';
import { Telegram } from 'telegraf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTelegramBot } from '../../adapters/telegram/createTelegramBot';
import { createTelegramMessenger } from '../../adapters/telegram/telegramMessenger';
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/startTelegram';
import { createCore } from '../../src/core/createCore';
import { systemClock } from '../../src/core/ports';
import { flows } from '../../flows/index';
import { FakeTelegram } from '../fakes/fakeTelegram';
import { createCaptureLogger } from '../helpers/captureLogger';
import { SETTINGS } from '../helpers/botHarness';
import { openTestDb } from '../helpers/testDb';
import { dm, tgUser } from '../helpers/telegramHarness';
import type { Db } from '../../src/db/createDb';

const user = tgUser(6001, 'Pengguna');
let tg: FakeTelegram;
let db: Db;
let running: RunningTelegram | null = null;
let stopCore: (() => Promise<void>) | null = null;

afterEach(async () => {
  await running?.stop();
  await stopCore?.();
  await tg?.stop();
  await db?.$disconnect();
  running = null;
});

/** The production wiring of src/main.ts, against the fake Bot API. */
async function startProductionLike(mode: { webhookUrl?: string; webhookSecret?: string; webhookPort?: number }) {
  tg = new FakeTelegram();
  await tg.start();
  ({ db } = await openTestDb());
  const logger = createCaptureLogger();
  const messenger = createTelegramMessenger(new Telegram(tg.token, { apiRoot: tg.apiRoot, webhookReply: false }));
  const core = createCore({ db, flows, clock: systemClock, logger, settings: SETTINGS, messengers: [messenger], autoDrain: true });
  stopCore = () => core.stop();
  const bot = createTelegramBot({ token: tg.token, apiRoot: tg.apiRoot, core, logger });
  running = await startTelegram(bot, core, { webhookPort: mode.webhookPort ?? 0, webhookHost: '127.0.0.1', ...mode }, logger);
  return { bot, logger };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Telegram transport', () => {
  it('registers the Indonesian command menu and answers over long polling', async () => {
    await startProductionLike({});
    const commands = await tg.waitForCall('setMyCommands');
    expect(commands.params.commands).toContainEqual({ command: 'ajukan', description: 'mengajukan diri bergabung dengan tim kerja (pengajuan sukarela)' });
    expect(commands.params.commands).toContainEqual({ command: 'bantuan', description: 'menampilkan daftar ini' });
    await vi.waitFor(() => expect(tg.pendingPolls).toBe(1));

    tg.sendText(user, dm(user), '/start');
    const reply = await tg.waitForCall('sendMessage', (c) => c.params.chat_id === user.id);
    expect(reply.params.text).toMatch(/mintalah kode penghubung/);
  });

  it('accepts webhook updates only with the right secret token', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const { bot } = await startProductionLike({ webhookUrl: url, webhookSecret: 'rahasia-webhook-0123456789', webhookPort: port });

    const good = tg.sendText(user, dm(user), '/start');
    expect((await tg.waitForWebhookDelivery(good.update_id)).status).toBe(200);
    await tg.waitForCall('sendMessage', (c) => c.params.chat_id === user.id);

    await bot.telegram.setWebhook(url, { secret_token: 'bukan-rahasia-yang-benar-000' });
    const forged = tg.sendText(user, dm(user), '/bantuan');
    expect((await tg.waitForWebhookDelivery(forged.update_id)).status).toBe(403);
    expect(await db.inboundEvent.findUnique({ where: { eventKey: `telegram:${tg.botUser.id}:${forged.update_id}` } })).toBeNull();
    expect(await db.inboundEvent.findUnique({ where: { eventKey: `telegram:${tg.botUser.id}:${good.update_id}` } })).not.toBeNull();
  });

  it('answers a webhook body of JSON null with the right secret token and keeps taking updates', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    await startProductionLike({ webhookUrl: url, webhookSecret: 'rahasia-webhook-0123456789', webhookPort: port });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'rahasia-webhook-0123456789' };
      const response = await fetch(url, { method: 'POST', headers, body: 'null', signal: AbortSignal.timeout(3000) });
      expect(response.status).toBe(200);
      const next = tg.sendText(user, dm(user), '/start');
      expect((await tg.waitForWebhookDelivery(next.update_id)).status).toBe(200);
      await tg.waitForCall('sendMessage', (c) => c.params.chat_id === user.id);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
