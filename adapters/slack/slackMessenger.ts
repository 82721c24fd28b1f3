import type { WebClient } from '@slack/web-api';
import type { OutboundMessage } from '../../src/core/messages';
import type { Address, MessengerPort, SentRef } from '../../src/core/ports';
import { renderFileLink, renderHome, renderMessages, type SlackMessage } from './renderBlocks';
import { toPlatformError } from './toPlatformError';

// chat.postMessage: about one message per second per channel (short bursts allowed); the
// workspace-wide budget of the Web API tiers is far above what one instansi sends.
const SENDS_PER_SECOND = 10;
const CHANNEL_INTERVAL_MS = 1000;

/** Sends outbox messages through the Web API; the outbox handles retries, 429s and pacing. */
export function createSlackMessenger(client: WebClient, channelIntervalMs = CHANNEL_INTERVAL_MS): MessengerPort {
  // Parts of a long message already posted under an idempotency key, so a retry after a 429 on a
  // later part does not repeat the earlier ones (in-process, as for Telegram).
  const sentParts = new Map<string, Array<{ channel: string; ts: string }>>();

  async function post(channel: string, message: SlackMessage): Promise<{ channel: string; ts: string }> {
    const sent = await client.apiCall('chat.postMessage', { channel, text: message.text, blocks: message.blocks, unfurl_links: false }) as { channel?: string; ts?: string };
    return { channel: sent.channel ?? channel, ts: sent.ts ?? '' };
  }

  // Files can only be shared into a conversation: a user id is opened as the bot's DM first.
  async function conversationOf(chatId: string): Promise<string> {
    if (!/^[UW]/.test(chatId)) return chatId;
    const opened = await client.apiCall('conversations.open', { users: chatId }) as { channel?: { id?: string } };
    return opened.channel?.id ?? chatId;
  }

  return {
    platform: 'slack',
    sendsPerSecond: SENDS_PER_SECOND,
    drawsHome: true,
    chatIntervalMs: () => channelIntervalMs,
    async send(to: Address, message: OutboundMessage, idempotencyKey: string): Promise<SentRef> {
      try {
        switch (message.kind) {
          case 'home':
            await client.apiCall('views.publish', { user_id: to.chatId, view: renderHome(message) });
            return { userId: to.chatId };
          case 'document': {
            const channel = await conversationOf(to.chatId);
            await client.files.uploadV2({
              channel_id: channel, file: Buffer.from(message.contentBase64, 'base64'), filename: message.fileName, title: message.fileName,
              ...(message.caption ? { initial_comment: message.caption } : {}),
            });
            return { channel };
          }
          case 'attachment': {
            const info = await client.apiCall('files.info', { file: message.fileId }) as { file?: { permalink?: string; name?: string } };
            const sent = await post(to.chatId, renderFileLink(message.caption, message.fileName ?? info.file?.name ?? message.fileId, info.file?.permalink ?? ''));
            return sent;
          }
          default: {
            const done = sentParts.get(idempotencyKey) ?? [];
            const parts = renderMessages(message);
            for (const [index, part] of parts.entries()) {
              if (index < done.length) continue;
              done.push(await post(to.chatId, part));
              sentParts.set(idempotencyKey, done);
            }
            sentParts.delete(idempotencyKey);
            return done.at(-1)!;
          }
        }
      } catch (error) {
        throw toPlatformError(error);
      }
    },
    async edit(target: SentRef, _to: Address, message: OutboundMessage) {
      if (message.kind !== 'text' && message.kind !== 'choice') return;
      // The edit replaces the last part (the one with the buttons) with the replacement's last part,
      // where the outcome stands: who decided and when, and no more buttons.
      const last = renderMessages(message).at(-1)!;
      try {
        await client.apiCall('chat.update', { channel: String(target.channel), ts: String(target.ts), text: last.text, blocks: last.blocks });
      } catch (error) {
        throw toPlatformError(error);
      }
    },
  };
}
