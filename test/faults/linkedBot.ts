import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDb, type Db } from '../../src/db/createDb';
import { createOrganisationDb, linkTelegramDirectly } from '../bench/benchOrganisation';
import { FakeSlack, type SlackUserRef } from '../fakes/fakeSlack';
import { botEnv, WEBHOOK_SECRET } from './botEnv';
import { BotProcess, freePort } from './botProcess';
import { FaultTelegram } from './faultTelegram';
import { settleScheduler } from './settleScheduler';

// Distinctive secrets, so a leak into the bot's log can be searched for.
export const BOT_TOKEN = '731942865:AAFaultsTokenQv7Lw2Zx9Rk4Tn8Ym3Jp5';
export const SLACK_BOT_TOKEN = 'xoxb-faults-8842-Zt4Hq9Ws2Lc7';
const FIRST_TELEGRAM_ID = 710_000_000;
const FIRST_STRANGER_ID = 720_000_000;

export interface LinkedBotOptions {
  telegramUsers: number;
  slackUsers: number;
  /** Accounts the platforms know but timkerja does not (they get "belum terhubung"). */
  strangers: number;
}

export interface LinkedBot {
  bot: BotProcess;
  tg: FaultTelegram;
  slack: FakeSlack;
  /** The SQLite file the child works on. */
  file: string;
  webhookUrl: string;
  slackUrl: string;
  telegramIds: number[];
  telegramStrangers: number[];
  slackUsers: SlackUserRef[];
  slackStrangers: SlackUserRef[];
  stop(): Promise<void>;
}

/**
 * The real bot as a child (Telegram webhook + Slack HTTP) on the demo organisation enlarged with
 * members linked directly to Telegram and Slack accounts, against fakes that know every account.
 */
export async function startLinkedBot(options: LinkedBotOptions): Promise<LinkedBot> {
  const { file, members } = await createOrganisationDb(options.telegramUsers + options.slackUsers);
  const tg = new FaultTelegram({ token: BOT_TOKEN });
  await tg.start();
  const slack = new FakeSlack({ token: SLACK_BOT_TOKEN });
  await slack.start();
  const slackUsers = Array.from({ length: options.slackUsers }, (_, i) => slack.addUser({ id: `U0FAULT${i}`, name: `anggota${i}` }));
  const slackStrangers = Array.from({ length: options.strangers }, (_, i) => slack.addUser({ id: `U0STRANGER${i}`, name: `asing${i}` }));
  const db = await createDb(file);
  let telegramIds: number[];
  try {
    telegramIds = await linkTelegramDirectly(db, members.slice(0, options.telegramUsers), FIRST_TELEGRAM_ID);
    await db.platformIdentity.createMany({
      data: slackUsers.map((user, i) => ({ pegawaiId: members[options.telegramUsers + i]!.pegawaiId, platform: 'slack', workspace: slack.teamId, accountId: user.id, chatId: user.id })),
    });
    await settleScheduler(db);
  } finally {
    await db.$disconnect();
  }
  const telegramStrangers = Array.from({ length: options.strangers }, (_, i) => FIRST_STRANGER_ID + i);
  await rememberChats(tg, [...telegramIds, ...telegramStrangers]);
  const webhookPort = await freePort();
  const slackPort = await freePort();
  const bot = await BotProcess.start(botEnv({ file, tg, webhookPort, slack: { fake: slack, port: slackPort } }));
  return {
    bot, tg, slack, file, telegramIds, telegramStrangers, slackUsers, slackStrangers,
    webhookUrl: `http://127.0.0.1:${webhookPort}/telegram/webhook`,
    slackUrl: `http://127.0.0.1:${slackPort}/slack/events`,
    stop: async () => {
      await bot.stop();
      await tg.stop();
      await slack.stop();
      rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

export const WEBHOOK_HEADERS = { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET };

/**
 * The fake Bot API answers "chat not found" for chats it never saw (as Telegram would for a chat
 * that does not exist): it learns these through queued updates, which are then dropped unsent.
 */
async function rememberChats(tg: FaultTelegram, ids: number[]): Promise<void> {
  for (const id of ids) tg.rawUpdate({ message: { message_id: 1, date: 0, from: { id, is_bot: false, first_name: `P${id}` }, chat: { id, type: 'private', first_name: `P${id}` }, text: 'x' } });
  const response = await fetch(`${tg.apiRoot}bot${tg.token}/deleteWebhook`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ drop_pending_updates: true }),
  });
  if (!response.ok) throw new Error(`fake Bot API did not drop the setup updates: ${response.status}`);
}
