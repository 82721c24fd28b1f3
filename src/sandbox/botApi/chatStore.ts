import { bad, throwError } from './failure';
import { inlineMarkup, NOT_MODIFIED } from './telegramRules';
import type { BotUser, FakeChat, FakeDocument, Params, StoredMessage, UserMessage } from './types';

// File bytes are kept for downloads; beyond this, the oldest go first (the sandbox runs for days).
const MAX_CONTENT_BYTES = 256 * 1024 * 1024;

/** What Telegram keeps for a bot: chats, both sides of each chat, files and their bytes. */
export class ChatStore {
  private chats = new Map<number, FakeChat>();
  private messages = new Map<number, StoredMessage[]>();
  private userMessages = new Map<number, UserMessage[]>();
  private nextMessageId = new Map<number, number>();
  private files = new Map<string, FakeDocument>();
  private photos = new Set<string>();
  private contents = new Map<string, Buffer>();
  private contentBytes = 0;

  /** `now`: the sandbox's clock, so that messages carry the time the bot believes it is. */
  constructor(private readonly botUser: BotUser, private readonly now: () => Date = () => new Date()) {}

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  rememberChat(chat: FakeChat): void {
    this.chats.set(chat.id, { ...this.chats.get(chat.id), ...chat });
  }

  requireChat(chatId: unknown): FakeChat {
    return this.chats.get(Number(chatId)) ?? throwError(bad('chat not found'));
  }

  // Message ids count per chat and are shared by user and bot messages, as in Telegram.
  takeMessageId(chatId: number): number {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    return id;
  }

  addUserMessage(message: UserMessage): void {
    this.userMessages.set(message.chat.id, [...(this.userMessages.get(message.chat.id) ?? []), structuredClone(message)]);
  }

  storeBotMessage(p: Params, content: Partial<StoredMessage>): StoredMessage {
    const { id, type, title } = this.requireChat(p.chat_id);
    const markup = inlineMarkup(p.reply_markup);
    const message: StoredMessage = { message_id: this.takeMessageId(id), date: this.nowSeconds(), chat: { id, type, ...(title ? { title } : {}) },
      from: this.botUser, ...content, ...(markup ? { reply_markup: markup } : {}) };
    this.messages.set(id, [...(this.messages.get(id) ?? []), message]);
    return message;
  }

  findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(chatId)?.find((m) => m.message_id === messageId);
  }

  editable(p: Params): StoredMessage {
    return this.findMessage(Number(p.chat_id), Number(p.message_id)) ?? throwError(bad('message to edit not found'));
  }

  // As on Telegram, an edit without reply_markup removes the inline keyboard.
  applyEdit(message: StoredMessage, text: string | undefined, replyMarkup: unknown): StoredMessage {
    const markup = inlineMarkup(replyMarkup);
    if ((text ?? message.text) === message.text && JSON.stringify(markup) === JSON.stringify(message.reply_markup)) throw bad(NOT_MODIFIED);
    if (text !== undefined) message.text = text;
    if (markup) message.reply_markup = markup; else delete message.reply_markup;
    message.edit_date = this.nowSeconds();
    return message;
  }

  /** The bot's messages in a chat, as they are now (after edits). */
  botMessages(chatId: number): StoredMessage[] {
    return structuredClone(this.messages.get(chatId) ?? []);
  }

  /** Both sides of a chat in order: what a Telegram client would show. */
  transcript(chatId: number): Array<StoredMessage | UserMessage> {
    return [...this.botMessages(chatId), ...structuredClone(this.userMessages.get(chatId) ?? [])].sort((a, b) => a.message_id - b.message_id);
  }

  addDocument(document: FakeDocument, content?: Buffer): void {
    this.files.set(document.file_id, document);
    if (content) this.keepContent(document.file_id, content);
  }

  addPhoto(fileId: string, content?: Buffer): void {
    this.photos.add(fileId);
    if (content) this.keepContent(fileId, content);
  }

  document(fileId: string): FakeDocument | undefined {
    return this.files.get(fileId);
  }

  hasPhoto(fileId: string): boolean {
    return this.photos.has(fileId);
  }

  /** A file's description and bytes, for files the bot uploaded or a user sent with content. */
  file(fileId: string): { document: FakeDocument; content: Buffer } | undefined {
    const document = this.files.get(fileId) ?? (this.photos.has(fileId) ? { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: `${fileId}.jpg`, mime_type: 'image/jpeg' } : undefined);
    const content = this.contents.get(fileId);
    return document && content ? { document, content } : undefined;
  }

  private keepContent(fileId: string, content: Buffer): void {
    this.contents.set(fileId, content);
    this.contentBytes += content.length;
    for (const [oldest, bytes] of this.contents) {
      if (this.contentBytes <= MAX_CONTENT_BYTES || oldest === fileId) break;
      this.contents.delete(oldest);
      this.contentBytes -= bytes.length;
    }
  }
}
