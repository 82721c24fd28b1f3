import { Telegraf } from 'telegraf';
import type { Core } from '../../src/core/createCore';
import type { Logger } from '../../src/core/ports';
import { t } from '../../src/core/catalog/t';
import { wellFormed } from '../wellFormed';
import { toCoreEvent } from './toCoreEvent';

export interface TelegramBotOptions {
  token: string;
  /** A self-hosted Bot API server, or a test fake; must end with `/`. */
  apiRoot?: string;
  core: Core;
  logger: Logger;
}

// Telegram: answerCallbackQuery text is at most 200 characters.
const NOTICE_LIMIT = 200;

/** Wires telegraf to the core: every update becomes one core event; every press is answered. */
export function createTelegramBot(options: TelegramBotOptions): Telegraf {
  const bot = new Telegraf(options.token, { telegram: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), webhookReply: false } });
  // telegraf reads `update.update_id` before its error boundary: a webhook body of JSON `null`
  // would reject outside bot.catch and end the process (found by `npm run faults`, case 2).
  const handleUpdate = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhookResponse) => {
    if (typeof update === 'object' && update !== null) return handleUpdate(update, webhookResponse);
    options.logger.debug({ code: 'UPDATE_SKIPPED' }, 'telegram update skipped');
    if (webhookResponse && !webhookResponse.writableEnded) webhookResponse.end();
  };
  bot.use(async (ctx) => {
    const event = wellFormed(toCoreEvent(ctx.update, ctx.botInfo?.username, ctx.botInfo?.id));
    if (!event) {
      options.logger.debug({ updateId: ctx.update.update_id, code: 'UPDATE_SKIPPED' }, 'telegram update skipped');
    }
    const result = event ? await options.core.handleEvent(event) : null;
    if (ctx.callbackQuery) {
      // Every press is answered, or the user's client shows a spinner until it times out.
      const notice = result && result.status !== 'invalid' ? result.notice ?? t('id', 'tombol.diterima') : t('id', 'tombol.kedaluwarsa');
      await ctx.answerCbQuery(notice.slice(0, NOTICE_LIMIT));
    }
  });
  // The one error boundary: log the update id and a code, never the update (it holds messages).
  bot.catch((error, ctx) => {
    options.logger.error({ updateId: ctx.update.update_id, code: (error as { code?: string | number }).code ?? (error as Error).name }, 'telegram update failed');
  });
  return bot;
}
