import { Telegram } from 'telegraf';
import type { Config } from '../src/config';
import type { Core } from '../src/core/createCore';
import type { Logger, MessengerPort } from '../src/core/ports';
import { createTelegramBot } from './telegram/createTelegramBot';
import { createTelegramMessenger } from './telegram/telegramMessenger';
import { startTelegram, type RunningTelegram } from './telegram/startTelegram';
import { WebClient } from '@slack/web-api';
import { createSlackApp } from './slack/createSlackApp';
import { createSlackMessenger } from './slack/slackMessenger';
import { startSlack } from './slack/startSlack';

export interface Adapters {
  /** Senders the core's outbox drains into, one per connected platform. */
  messengers: MessengerPort[];
  names: string[];
  /** Starts receiving updates (polling, webhook or HTTP) and feeding them to the core. */
  start(core: Core): Promise<void>;
  stop(): Promise<void>;
}

/** The only entry src/main.ts imports from adapters/: one adapter per platform whose credentials are set. */
export function createAdapters(config: Config, logger: Logger): Adapters {
  const messengers: MessengerPort[] = [];
  const names: string[] = [];
  const starters: Array<(core: Core) => Promise<() => Promise<void>>> = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    const token = config.TELEGRAM_BOT_TOKEN;
    const apiRoot = config.TELEGRAM_API_ROOT && withSlash(config.TELEGRAM_API_ROOT);
    // The messenger needs only a Bot API client, so it exists before the core does.
    messengers.push(createTelegramMessenger(new Telegram(token, { ...(apiRoot ? { apiRoot } : {}), webhookReply: false })));
    names.push('telegram');
    starters.push(async (core) => {
      const bot = createTelegramBot({ token, apiRoot, core, logger });
      const running: RunningTelegram = await startTelegram(bot, core, {
        webhookUrl: config.TELEGRAM_WEBHOOK_URL, webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
        webhookPort: config.TELEGRAM_WEBHOOK_PORT, webhookHost: config.TELEGRAM_WEBHOOK_HOST,
      }, logger);
      return running.stop;
    });
  }
  if (config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) {
    const token = config.SLACK_BOT_TOKEN;
    const signingSecret = config.SLACK_SIGNING_SECRET;
    const apiUrl = config.SLACK_API_URL && withSlash(config.SLACK_API_URL);
    // The outbox retries and honours Retry-After itself: the client must neither wait nor retry.
    messengers.push(createSlackMessenger(new WebClient(token, {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}), rejectRateLimitedCalls: true, retryConfig: { retries: 0 },
    })));
    names.push('slack');
    starters.push(async (core) => {
      const { app, receiver } = createSlackApp({
        token, signingSecret, apiUrl, appToken: config.SLACK_APP_TOKEN, core, logger, linkByEmail: config.SLACK_LINK_BY_EMAIL === 'on',
      });
      const running = await startSlack(app, receiver, { port: config.SLACK_PORT, host: config.SLACK_HOST }, logger);
      return running.stop;
    });
  }
  const stops: Array<() => Promise<void>> = [];
  return {
    messengers,
    names,
    async start(core) {
      for (const start of starters) stops.push(await start(core));
    },
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}

// URL resolution of `./bot<token>/<method>` drops the last path segment unless it ends with `/`.
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
