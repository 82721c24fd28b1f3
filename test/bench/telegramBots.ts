import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Telegraf, Telegram } from 'telegraf';
import { message } from 'telegraf/filters';
import { flows } from '../../flows/index';
import { createTelegramBot } from '../../adapters/telegram/createTelegramBot';
import { createTelegramMessenger } from '../../adapters/telegram/telegramMessenger';
import { loadConfig } from '../../src/config';
import { createCore, type Core } from '../../src/core/createCore';
import { systemClock, type MessengerPort } from '../../src/core/ports';
import type { Db } from '../../src/db/createDb';
import { createLogger } from '../../src/logger';
import { FakeTelegram, type FakeChat, type FakeUser } from '../fakes/fakeTelegram';
import { SILENT_LOG_STREAM } from './benchConfig';

export const WEBHOOK_SECRET = 'rahasia-webhook-bench-0123456789';
export const WEBHOOK_HEADERS = { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET };

export interface RunningWebhook {
  url: string;
  stop(): Promise<void>;
}

/** The core as src/main.ts builds it: system clock, background outbox worker, pino at info (discarded). */
export function createProductionCore(db: Db, messengers: MessengerPort[]): Core {
  const config = loadConfig({});
  const settings = { conversationTtlMs: config.CONVERSATION_TTL_HOURS * 3600_000, linkCodeTtlMs: config.LINK_CODE_TTL_DAYS * 24 * 3600_000 };
  return createCore({ db, flows, clock: systemClock, logger: createLogger('info', SILENT_LOG_STREAM), settings, messengers, autoDrain: true });
}

/** Serves a telegraf bot's webhookCallback with the secret token on, as startTelegram does in webhook mode. */
async function serveWebhook(bot: Telegraf, path: string): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(bot.webhookCallback(path, { secretToken: WEBHOOK_SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, server };
}

const close = (server: http.Server) => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });

/** The real timkerja bot: createTelegramBot + the real messenger (real pacing) on the fake Bot API. */
export async function startTimkerjaWebhook(tg: FakeTelegram, db: Db): Promise<RunningWebhook & { core: Core }> {
  const messenger = createTelegramMessenger(new Telegram(tg.token, { apiRoot: tg.apiRoot, webhookReply: false }));
  const core = createProductionCore(db, [messenger]);
  const bot = createTelegramBot({ token: tg.token, apiRoot: tg.apiRoot, core, logger: createLogger('info', SILENT_LOG_STREAM) });
  bot.botInfo = tg.botUser as Telegraf['botInfo'];
  const { url, server } = await serveWebhook(bot, '/telegram');
  return { url, core, stop: async () => { await close(server); await core.stop(); } };
}

/** The ceiling: a bare telegraf bot that echoes each text with one sendMessage, on the same fake. */
export async function startEchoWebhook(tg: FakeTelegram): Promise<RunningWebhook> {
  const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot, webhookReply: false } });
  bot.botInfo = tg.botUser as Telegraf['botInfo'];
  bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
  const { url, server } = await serveWebhook(bot, '/echo');
  return { url, stop: () => close(server) };
}

let updateIdBase = 0;

/**
 * A started FakeTelegram whose update ids continue where the previous one's stopped: the core
 * dedupes by update id, so a new fake in front of a copied database must not reuse them.
 */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const tg = new FakeTelegram();
  await tg.start();
  updateIdBase += 1_000_000;
  tg.rawUpdate({ update_id: updateIdBase });
  return tg;
}

export const privateChat = (user: FakeUser): FakeChat => ({ id: user.id, type: 'private' });
export const benchUser = (id: number): FakeUser => ({ id, first_name: `Pengguna${id}` });

let callbackSequence = 0;

/** A press of a button carrying `token`, as Telegram sends it (the fake opens the query so it can be answered). */
export function pressUpdate(tg: FakeTelegram, user: FakeUser, token: string): Record<string, unknown> {
  const from = { id: user.id, is_bot: false, first_name: user.first_name };
  const chat = { id: user.id, type: 'private', first_name: user.first_name };
  return tg.rawUpdate({
    callback_query: { id: `bench-cbq-${++callbackSequence}`, from, chat_instance: `ci${user.id}`, data: token, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat } },
  });
}
