import { z } from 'zod';
import type { CoreEvent } from '../../src/core/events';

const UserSchema = z.object({ id: z.number().int(), is_bot: z.boolean().optional(), language_code: z.string().optional() });
const ChatSchema = z.object({ id: z.number().int(), type: z.enum(['private', 'group', 'supergroup', 'channel']) });
const MessageSchema = z.object({
  message_id: z.number().int(),
  from: UserSchema,
  chat: ChatSchema,
  text: z.string().optional(),
  caption: z.string().optional(),
  document: z.object({ file_id: z.string(), file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
  photo: z.array(z.object({ file_id: z.string(), width: z.number().optional() })).min(1).optional(),
});
const CallbackSchema = z.object({
  id: z.string(),
  from: UserSchema,
  data: z.string().optional(),
  message: z.object({ message_id: z.number().int(), chat: ChatSchema }).optional(),
});
export const TelegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: MessageSchema.optional(),
  callback_query: CallbackSchema.optional(),
});

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/;

/**
 * Turns a Telegram update into a core event, or null for what the bot ignores: updates of other
 * kinds, other bots' commands, and plain chatter in groups (privacy mode delivers commands only).
 */
export function toCoreEvent(raw: unknown, botUsername: string | undefined, botId = 0): CoreEvent | null {
  const parsed = TelegramUpdateSchema.safeParse(raw);
  if (!parsed.success) return null;
  const update = parsed.data;
  // update_id is unique per bot only (and may restart after long idleness): key it by the bot too.
  const eventKey = `telegram:${botId}:${update.update_id}`;
  if (update.callback_query) {
    const query = update.callback_query;
    const chat = query.message?.chat ?? { id: query.from.id, type: 'private' as const };
    return { kind: 'button', token: query.data ?? '', meta: { eventKey, account: account(query.from.id, chat) } };
  }
  const message = update.message;
  if (!message || message.from.is_bot) return null;
  const meta = { eventKey, account: account(message.from.id, message.chat) };
  const command = message.text ? COMMAND.exec(message.text.trim()) : null;
  if (command) {
    if (command[2] && botUsername && command[2].toLowerCase() !== botUsername.toLowerCase()) return null;
    const name = command[1]!.toLowerCase();
    const args = command[3]?.trim() ?? '';
    // A t.me deep link can only carry /start: `?start=bukti_<kode>` (in exports) means /bukti <kode>.
    const deepLink = name === 'start' ? /^bukti_([A-Za-z0-9]+)$/.exec(args) : null;
    if (deepLink) return { kind: 'command', command: 'bukti', args: deepLink[1]!, meta };
    return { kind: 'command', command: name, args, meta };
  }
  if (message.chat.type !== 'private') return null;
  if (message.text) return { kind: 'text', text: message.text, meta };
  if (message.document) {
    const { file_id, file_name, mime_type } = message.document;
    return { kind: 'file', fileId: file_id, fileName: file_name, mimeType: mime_type, caption: message.caption, meta };
  }
  if (message.photo) {
    // Telegram sends every size of a photo; the last is the largest.
    return { kind: 'file', fileId: message.photo.at(-1)!.file_id, mimeType: 'image/jpeg', caption: message.caption, meta };
  }
  return null;
}

function account(userId: number, chat: { id: number; type: string }) {
  return { platform: 'telegram' as const, workspace: '', accountId: String(userId), chatId: String(chat.id), direct: chat.type === 'private' };
}
