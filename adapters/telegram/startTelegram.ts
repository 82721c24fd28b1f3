import { createServer, type Server } from 'node:http';
import type { Telegraf } from 'telegraf';
import type { Core } from '../../src/core/createCore';
import type { Logger } from '../../src/core/ports';

export interface TelegramModeOptions {
  /** Public HTTPS URL Telegram posts updates to; absent means long polling. */
  webhookUrl?: string;
  webhookSecret?: string;
  webhookPort: number;
  webhookHost: string;
}

export interface RunningTelegram {
  /** The local webhook server, when in webhook mode. */
  server: Server | null;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Registers the Indonesian command menu, then receives updates by long polling or webhook. */
export async function startTelegram(bot: Telegraf, core: Core, mode: TelegramModeOptions, logger: Logger): Promise<RunningTelegram> {
  bot.botInfo ??= await bot.telegram.getMe();
  await bot.telegram.setMyCommands(core.commands());
  if (!mode.webhookUrl) {
    // launch() resolves only when polling stops: never await it.
    void bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => logger.error({ code: (error as Error).name }, 'telegram polling stopped'));
    logger.info({ mode: 'polling' }, 'telegram adapter started');
    return { server: null, stop: async () => bot.stop() };
  }
  const path = new URL(mode.webhookUrl).pathname;
  // telegraf answers 403 to a request without the right X-Telegram-Bot-Api-Secret-Token.
  const server = createServer(bot.webhookCallback(path, { secretToken: mode.webhookSecret }));
  await new Promise<void>((resolve) => server.listen(mode.webhookPort, mode.webhookHost, resolve));
  await bot.telegram.setWebhook(mode.webhookUrl, { secret_token: mode.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  logger.info({ mode: 'webhook', port: mode.webhookPort }, 'telegram adapter started');
  return { server, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
