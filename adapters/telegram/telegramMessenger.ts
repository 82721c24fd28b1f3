import type { Telegram } from 'telegraf';
import type { OutboundMessage } from '../../src/core/messages';
import type { Address, MessengerPort, SentRef } from '../../src/core/ports';
import { renderTextMessage, splitForTelegram } from './renderMessage';
import { isNotModified, toPlatformError } from './toPlatformError';

// Telegram: about 30 messages/s per bot, 1/s per private chat, 20/min per group.
const SENDS_PER_SECOND = 30;
const PRIVATE_CHAT_INTERVAL_MS = 1000;
const GROUP_CHAT_INTERVAL_MS = 3000;
const CAPTION_LIMIT = 1024;

export interface TelegramPacing {
  privateChatIntervalMs: number;
  groupChatIntervalMs: number;
}

/** Sends outbox messages through the Bot API; the outbox handles retries and pacing. */
export function createTelegramMessenger(
  telegram: Telegram,
  pacing: TelegramPacing = { privateChatIntervalMs: PRIVATE_CHAT_INTERVAL_MS, groupChatIntervalMs: GROUP_CHAT_INTERVAL_MS },
): MessengerPort {
  // Chunks of a long message already sent under an idempotency key, so a retry after a 429
  // on a later chunk does not repeat the earlier ones (in-process; see README Decisions).
  const sentChunks = new Map<string, number[]>();
  return {
    platform: 'telegram',
    sendsPerSecond: SENDS_PER_SECOND,
    // Group and supergroup ids are negative; user (private chat) ids are positive.
    chatIntervalMs: (to: Address) => (Number(to.chatId) < 0 ? pacing.groupChatIntervalMs : pacing.privateChatIntervalMs),
    async send(to, message, idempotencyKey) {
      // Telegram has no home view: nothing to draw (the core only draws homes where they exist).
      if (message.kind === 'home') return {};
      try {
        if (message.kind === 'document') return await sendDocument(telegram, to, message);
        if (message.kind === 'attachment') return await sendAttachment(telegram, to, message);
        const done = sentChunks.get(idempotencyKey) ?? [];
        const chunks = renderTextMessage(message);
        for (const [index, chunk] of chunks.entries()) {
          if (index < done.length) continue;
          const sent = await telegram.sendMessage(to.chatId, chunk.html, { parse_mode: 'HTML', ...(chunk.keyboard ? { reply_markup: chunk.keyboard } : {}) });
          done.push(sent.message_id);
          sentChunks.set(idempotencyKey, done);
        }
        sentChunks.delete(idempotencyKey);
        return { chatId: to.chatId, messageId: done.at(-1)! };
      } catch (error) {
        throw toPlatformError(error);
      }
    },
    async edit(target: SentRef, to: Address, message: OutboundMessage) {
      if (message.kind === 'document' || message.kind === 'attachment' || message.kind === 'home') return;
      // An edit replaces the last chunk (the one carrying the buttons) with the replacement's last
      // chunk, where the outcome stands; no keyboard means "no more presses".
      const [chunk] = renderTextMessage(message).slice(-1);
      try {
        await telegram.editMessageText(String(target.chatId ?? to.chatId), Number(target.messageId), undefined, chunk!.html, {
          parse_mode: 'HTML', reply_markup: chunk!.keyboard ?? { inline_keyboard: [] },
        });
      } catch (error) {
        if (!isNotModified(error)) throw toPlatformError(error);
      }
    },
  };
}

// A photo or file a user sent earlier goes out again by its file_id, without a download.
async function sendAttachment(telegram: Telegram, to: Address, message: Extract<OutboundMessage, { kind: 'attachment' }>): Promise<SentRef> {
  const caption = message.caption ? { caption: splitForTelegram(message.caption, CAPTION_LIMIT)[0]!, parse_mode: 'HTML' as const } : {};
  // A photo's file_id only works with sendPhoto and a document's only with sendDocument; Telegram
  // photos arrive without a file name, image files sent as documents with one.
  const sent = message.mimeType?.startsWith('image/') && !message.fileName
    ? await telegram.sendPhoto(to.chatId, message.fileId, caption)
    : await telegram.sendDocument(to.chatId, message.fileId, caption);
  return { chatId: to.chatId, messageId: sent.message_id };
}

async function sendDocument(telegram: Telegram, to: Address, message: Extract<OutboundMessage, { kind: 'document' }>): Promise<SentRef> {
  const caption = message.caption ? splitForTelegram(message.caption, CAPTION_LIMIT)[0] : undefined;
  const sent = await telegram.sendDocument(to.chatId, { source: Buffer.from(message.contentBase64, 'base64'), filename: message.fileName }, {
    ...(caption ? { caption, parse_mode: 'HTML' as const } : {}),
  });
  return { chatId: to.chatId, messageId: sent.message_id };
}

