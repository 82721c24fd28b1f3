import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished } from 'node:stream/promises';

export interface FakeUser { id: number; first_name: string; username?: string }
export interface FakeChat { id: number; type: 'private' | 'group' | 'supergroup'; title?: string }
export interface UploadedFile { name: string; type: string; content: Buffer }
export interface ApiError { error_code: number; description: string; parameters?: { retry_after?: number } }
export interface RecordedCall {
  method: string; params: Record<string, unknown>; files: Record<string, UploadedFile>; at: number;
  /** Set when the fake answered ok:false (failNext, validation, unknown method, wrong token). */
  error?: ApiError;
}
export interface FakeDocument { file_id: string; file_unique_id: string; file_name: string; mime_type?: string }
/** A bot message as the fake stores it: current state after edits. */
export interface StoredMessage {
  message_id: number; date: number; edit_date?: number;
  chat: { id: number; type: FakeChat['type']; title?: string };
  from: LocalBotApi['botUser'];
  text?: string; caption?: string; document?: FakeDocument; photo?: Array<{ file_id: string }>;
  reply_markup?: { inline_keyboard: unknown[][] };
}
/** A message a user sent, as the server keeps it for the transcript. */
export interface UserMessage {
  message_id: number; date: number; from: { id: number; first_name: string }; chat: { id: number };
  text?: string; caption?: string; document?: FakeDocument; photo?: Array<{ file_id: string }>;
}
type Params = Record<string, unknown>;
type Reply = (status: number, body: unknown) => void;
interface PendingPoll { limit: number; res: http.ServerResponse; respond: Reply }

class Failure extends Error {
  constructor(readonly status: number, readonly body: ApiError) { super(body.description); }
}
const fail = (code: number, description: string) => new Failure(code, { error_code: code, description });
const bad = (description: string) => fail(400, `Bad Request: ${description}`);
const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** An update as JSON (the shape telegraf's `Update` describes; no chat SDK is imported here). */
export interface UpdateJson { update_id: number }

/** What changed on the server: a chat's messages, or a notice answering a button press. */
export interface BotApiChange { chatId?: number; notice?: { userId: number; text: string } }

/**
 * A Telegram Bot API server on 127.0.0.1 only: the sandbox's stand-in for Telegram, and the tests'.
 * It keeps chats, messages (the bot's and the users'), files and their contents in memory, answers
 * long polls and delivers webhooks, and validates what Telegram validates (text length, HTML).
 */
export class LocalBotApi {
  readonly token: string;
  readonly botUser: { id: number; is_bot: true; first_name: string; username: string };
  private server: http.Server | undefined;
  private root = '';
  private queue: Params[] = [];
  private lastUpdateId = 0;
  private counter = 0;
  private polls: PendingPoll[] = [];
  private webhook: { url: string; secret?: string } | undefined;
  private delivering = false;
  private chats = new Map<number, FakeChat>();
  private messages = new Map<number, StoredMessage[]>();
  private nextMessageId = new Map<number, number>();
  private userMessages = new Map<number, UserMessage[]>();
  private files = new Map<string, FakeDocument>();
  private contents = new Map<string, Buffer>();
  private photos = new Set<string>();
  /** Callback query id → the user who pressed, until the bot answers it. */
  private openCallbackQueries = new Map<string, number>();
  private commands = new Map<string, unknown>();
  private listeners = new Set<(change: BotApiChange) => void>();

  constructor(options: { token?: string; botUser?: { first_name: string; username: string } } = {}) {
    this.token = options.token ?? '123456:TEST-TOKEN';
    this.botUser = { id: 777000, is_bot: true, ...(options.botUser ?? { first_name: 'Timkerja Uji', username: 'timkerja_uji_bot' }) };
  }

  get apiRoot(): string { return this.root; }
  /** Long polls held right now; a held getUpdates appears in `calls` only once answered. */
  get pendingPolls(): number { return this.polls.length; }

  async start(port = 0): Promise<string> {
    const server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', resolve); });
    this.server = server;
    this.root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return this.root;
  }

  async stop(): Promise<void> {
    this.webhook = undefined;
    const polls = this.polls.splice(0);
    for (const poll of polls) poll.respond(200, []);
    // Let the answered long polls flush before cutting keep-alive sockets.
    await Promise.all(polls.map((poll) => finished(poll.res).catch(() => undefined)));
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  }

  sendText(user: FakeUser, chat: FakeChat, text: string): UpdateJson {
    const command = text.startsWith('/') ? text.split(/\s/, 1)[0] ?? '' : '';
    return this.queueMessage(user, chat, { text, ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}) });
  }

  sendDocument(user: FakeUser, chat: FakeChat, doc: { file_id: string; file_name: string; mime_type?: string }, caption?: string, content?: Buffer): UpdateJson {
    const document: FakeDocument = { file_unique_id: `u-${doc.file_id}`, ...doc };
    this.files.set(doc.file_id, document);
    if (content) this.contents.set(doc.file_id, content);
    return this.queueMessage(user, chat, { document, ...(caption === undefined ? {} : { caption }) });
  }

  sendPhoto(user: FakeUser, chat: FakeChat, fileId: string, caption?: string, content?: Buffer): UpdateJson {
    const photo = [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 800, height: 600, file_size: content?.length ?? 40_000 }];
    this.photos.add(fileId);
    if (content) this.contents.set(fileId, content);
    return this.queueMessage(user, chat, { photo, ...(caption === undefined ? {} : { caption }) });
  }

  clickButton(user: FakeUser, message: { chat: { id: number }; message_id: number }, data: string): UpdateJson {
    const stored = this.findMessage(message.chat.id, message.message_id);
    if (!stored) throw new Error(`clickButton: the bot has no message ${message.message_id} in chat ${message.chat.id}`);
    const id = `cbq-${++this.counter}`;
    this.openCallbackQueries.set(id, user.id);
    const callbackQuery = { id, from: userObject(user), message: structuredClone(stored), chat_instance: `ci${message.chat.id}`, data };
    return this.enqueue({ callback_query: callbackQuery }) as unknown as UpdateJson;
  }

  rawUpdate(update: Record<string, unknown>): Record<string, unknown> {
    for (const value of Object.values(update)) {
      const chat = (value as { chat?: Partial<FakeChat> } | null)?.chat;
      if (typeof chat?.id === 'number' && typeof chat.type === 'string') this.rememberChat(chat as FakeChat);
    }
    const queryId = (update.callback_query as { id?: unknown } | undefined)?.id;
    const presser = (update.callback_query as { from?: { id?: unknown } } | undefined)?.from?.id;
    if (typeof queryId === 'string') this.openCallbackQueries.set(queryId, Number(presser));  // so the bot may answer it
    return this.enqueue(update);
  }

  /** The bot's messages in a chat, as they are now (after edits). */
  messagesTo(chatId: number): StoredMessage[] {
    return structuredClone(this.messages.get(chatId) ?? []);
  }

  /** Both sides of a chat in order: what a Telegram client would show. */
  transcript(chatId: number): Array<StoredMessage | UserMessage> {
    return [...this.messagesTo(chatId), ...structuredClone(this.userMessages.get(chatId) ?? [])].sort((a, b) => a.message_id - b.message_id);
  }

  /** A file's description and bytes, for files the bot uploaded or a user sent with content. */
  file(fileId: string): { document: FakeDocument; content: Buffer } | undefined {
    const document = this.files.get(fileId) ?? (this.photos.has(fileId) ? { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: `${fileId}.jpg`, mime_type: 'image/jpeg' } : undefined);
    const content = this.contents.get(fileId);
    return document && content ? { document, content } : undefined;
  }

  onChange(listener: (change: BotApiChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hook for tests: a failure to answer this call with instead of handling it. */
  protected injectedFailure(_method: string): ApiError | undefined {
    return undefined;
  }

  /** Hook for tests: every answered call, once its response is written. */
  protected answered(_call: RecordedCall): void {}

  /** Hook for tests: every webhook delivery attempt and the status the bot answered (0: unreachable). */
  protected delivered(_delivery: { status: number; update_id: number }): void {}

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, token = '', method = ''] = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
    let request: { params: Params; files: Record<string, UploadedFile> } = { params: {}, files: {} };
    const reply: Reply = (status, body) => {
      const error = status === 200 ? undefined : (body as ApiError);
      // Recorded only once written: a test that stops at this call must not cut the client's response.
      res.once('finish', () => { this.answered({ method, ...request, at, ...(error ? { error } : {}) }); this.notify({ chatId: chatOf(request.params) }); });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(error ? { ok: false, ...error } : { ok: true, result: body }));
    };
    try {
      request = await readRequest(req, url);
      if (token !== this.token) throw fail(401, 'Unauthorized');
      const failure = this.injectedFailure(method);
      if (failure) throw new Failure(failure.error_code, failure);
      if (method === 'getUpdates') return this.getUpdates(request.params, res, reply);
      const handler = this.handlers[method];
      if (!handler) throw fail(404, 'Not Found: method not found');
      reply(200, handler(request.params, request.files));
    } catch (err) {
      if (err instanceof Failure) reply(err.status, err.body);
      else reply(500, { error_code: 500, description: `Internal Server Error: ${String(err)}` });
    }
  }

  private getUpdates(p: Params, res: http.ServerResponse, reply: Reply): void {
    if (this.webhook) throw fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(p.offset ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => Number(u.update_id) >= offset);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    const timeout = Number(p.timeout ?? 0);
    if (this.queue.length > 0 || !(timeout > 0)) return reply(200, this.queue.slice(0, limit));
    for (const other of this.polls.splice(0)) {
      other.respond(409, { error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    }
    const poll: PendingPoll = {
      limit, res,
      respond: (status, body) => {
        clearTimeout(timer);
        this.polls = this.polls.filter((x) => x !== poll);
        if (!res.writableEnded && !res.destroyed) reply(status, body);
      },
    };
    const timer = setTimeout(() => poll.respond(200, []), timeout * 1000);
    res.on('close', () => poll.respond(200, []));  // the client aborted (bot.stop()): forget the poll
    this.polls.push(poll);
  }

  private readonly handlers: Record<string, (p: Params, files: Record<string, UploadedFile>) => unknown> = {
    getMe: () => this.botUser,
    getChat: (p) => this.requireChat(p.chat_id),
    // Updates queued before setWebhook are delivered to it, unless drop_pending_updates.
    setWebhook: (p) => {
      if (p.drop_pending_updates === true) this.queue = [];
      this.webhook = p.url ? { url: String(p.url), ...(typeof p.secret_token === 'string' ? { secret: p.secret_token } : {}) } : undefined;
      setImmediate(() => void this.deliverWebhooks());
      return true;
    },
    deleteWebhook: (p) => this.handlers.setWebhook!({ drop_pending_updates: p.drop_pending_updates }, {}),
    sendMessage: (p) => this.storeMessage(p, { text: checkText(p.text, p.parse_mode) }),
    sendDocument: (p, files) => {
      let document: FakeDocument | undefined;
      if (files.document) {
        const fileId = `doc-${++this.counter}`;
        document = { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: files.document.name, mime_type: mimeFromName(files.document.name) ?? (files.document.type || 'application/octet-stream') };
        this.files.set(fileId, document);
        this.contents.set(fileId, files.document.content);
      } else if (typeof p.document === 'string') {
        document = this.files.get(p.document) ?? throwError(bad('wrong file identifier/HTTP URL specified'));
      } else throw bad('there is no document in the request');
      if (p.caption !== undefined && visibleLength(String(p.caption), p.parse_mode) > 1024) throw bad('message caption is too long');
      return this.storeMessage(p, { document, ...(p.caption === undefined ? {} : { caption: String(p.caption) }) });
    },
    // Only re-sending a photo by a file_id a user sent is supported (the bot never uploads photos).
    sendPhoto: (p) => {
      if (typeof p.photo !== 'string' || !this.photos.has(p.photo)) throw bad('wrong file identifier/HTTP URL specified');
      return this.storeMessage(p, { photo: [{ file_id: p.photo }], ...(p.caption === undefined ? {} : { caption: String(p.caption) }) });
    },
    editMessageText: (p) => {
      const message = this.editable(p);
      if (message.text === undefined) throw bad('there is no text in the message to edit');
      return this.applyEdit(message, checkText(p.text, p.parse_mode), p.reply_markup);
    },
    editMessageReplyMarkup: (p) => this.applyEdit(this.editable(p), undefined, p.reply_markup),
    answerCallbackQuery: (p) => {
      // Only queries the fake issued exist, and each can be answered once.
      const userId = this.openCallbackQueries.get(String(p.callback_query_id));
      if (userId === undefined) throw bad('query is too old and response timeout expired or query ID is invalid');
      this.openCallbackQueries.delete(String(p.callback_query_id));
      if (typeof p.text === 'string' && p.text.length > 200) throw bad('MESSAGE_TOO_LONG');
      if (typeof p.text === 'string') this.notify({ notice: { userId, text: p.text } });
      return true;
    },
    setMyCommands: (p) => {
      if (!Array.isArray(p.commands)) throw bad('parameter "commands" is required');
      // Telegram's rules: 1-32 lowercase letters, digits or underscores; a description of 1-256 characters.
      const invalid = (p.commands as Array<{ command?: unknown; description?: unknown }>).find((c) => !/^[a-z0-9_]{1,32}$/.test(String(c.command)) || !/^.{1,256}$/su.test(String(c.description ?? '')));
      if (invalid) throw bad(`BOT_COMMAND_INVALID: ${JSON.stringify(invalid)}`);
      this.commands.set(commandsKey(p), p.commands);
      return true;
    },
    deleteMyCommands: (p) => this.commands.delete(commandsKey(p)) || true,
    getMyCommands: (p) => this.commands.get(commandsKey(p)) ?? [],
  };

  private queueMessage(user: FakeUser, chat: FakeChat, content: Params): UpdateJson {
    this.rememberChat(chat);
    const chatObject = chat.type === 'private'
      ? { id: chat.id, type: chat.type, first_name: user.first_name, ...(user.username ? { username: user.username } : {}) }
      : { id: chat.id, type: chat.type, title: chat.title ?? `Chat ${chat.id}` };
    const message = { message_id: this.takeMessageId(chat.id), from: userObject(user), chat: chatObject, date: nowSeconds(), ...content };
    this.userMessages.set(chat.id, [...(this.userMessages.get(chat.id) ?? []), structuredClone(message) as UserMessage]);
    this.notify({ chatId: chat.id });
    return this.enqueue({ message }) as unknown as UpdateJson;
  }

  private enqueue(update: Params): Params {
    if (typeof update.update_id === 'number') this.lastUpdateId = Math.max(this.lastUpdateId, update.update_id);
    else update.update_id = ++this.lastUpdateId;
    this.queue.push(update);
    if (this.webhook) void this.deliverWebhooks();
    else this.polls[0]?.respond(200, this.queue.slice(0, this.polls[0].limit));
    return update;
  }

  // One update at a time; unlike Telegram, a failed delivery is recorded and dropped, not retried.
  private async deliverWebhooks(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    for (let hook = this.webhook; hook && this.queue.length > 0; hook = this.webhook) {
      const update = this.queue.shift() as Params;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(hook.secret ? { 'x-telegram-bot-api-secret-token': hook.secret } : {}) };
      // Status 0: the bot's server could not be reached.
      const status = await fetch(hook.url, { method: 'POST', headers, body: JSON.stringify(update) })
        .then(async (response) => { await response.arrayBuffer(); return response.status; }, () => 0);
      this.delivered({ status, update_id: Number(update.update_id) });
      this.notify({});
    }
    this.delivering = false;
  }

  private storeMessage(p: Params, content: Partial<StoredMessage>): StoredMessage {
    const { id, type, title } = this.requireChat(p.chat_id);
    const markup = inlineMarkup(p.reply_markup);
    const message: StoredMessage = { message_id: this.takeMessageId(id), date: nowSeconds(), chat: { id, type, ...(title ? { title } : {}) },
      from: this.botUser, ...content, ...(markup ? { reply_markup: markup } : {}) };
    this.messages.set(id, [...(this.messages.get(id) ?? []), message]);
    return message;
  }

  private editable(p: Params): StoredMessage {
    return this.findMessage(Number(p.chat_id), Number(p.message_id)) ?? throwError(bad('message to edit not found'));
  }

  // As on Telegram, an edit without reply_markup removes the inline keyboard.
  private applyEdit(message: StoredMessage, text: string | undefined, replyMarkup: unknown): StoredMessage {
    const markup = inlineMarkup(replyMarkup);
    if ((text ?? message.text) === message.text && JSON.stringify(markup) === JSON.stringify(message.reply_markup)) throw bad(NOT_MODIFIED);
    if (text !== undefined) message.text = text;
    if (markup) message.reply_markup = markup; else delete message.reply_markup;
    message.edit_date = nowSeconds();
    return message;
  }

  private findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(chatId)?.find((m) => m.message_id === messageId);
  }
  private requireChat(chatId: unknown): FakeChat {
    return this.chats.get(Number(chatId)) ?? throwError(bad('chat not found'));
  }
  private rememberChat(chat: FakeChat): void {
    this.chats.set(chat.id, { ...this.chats.get(chat.id), ...chat });
  }
  // Message ids count per chat and are shared by user and bot messages, as in Telegram.
  private takeMessageId(chatId: number): number {
    const id = this.nextMessageId.get(chatId) ?? 1;
    this.nextMessageId.set(chatId, id + 1);
    return id;
  }
  protected notify(change: BotApiChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  protected waitFor<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const settle = (fn: () => void) => { clearTimeout(timer); this.listeners.delete(check); fn(); };
      const check = (): void => {
        try {
          const found = find();
          if (found !== undefined) settle(() => resolve(found));
        } catch (err) { settle(() => reject(err)); }  // a throwing predicate fails the wait, not the server
      };
      const timer = setTimeout(() => settle(() => reject(new Error(`Bot API: ${describe()} (waited ${timeoutMs} ms)`))), timeoutMs);
      this.listeners.add(check);
      check();
    });
  }
}

const throwError = (error: Error): never => { throw error; };

// Telegram sets a document's mime_type from its file name, whatever the upload's part header says.
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv', txt: 'text/plain',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
};
const mimeFromName = (name: string): string | undefined => MIME_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''];
const chatOf = (params: Params): number | undefined => (params.chat_id === undefined ? undefined : Number(params.chat_id));
const userObject = (user: FakeUser) => ({ id: user.id, is_bot: false, first_name: user.first_name, ...(user.username ? { username: user.username } : {}) });
const nowSeconds = () => Math.floor(Date.now() / 1000);
const commandsKey = (p: Params) => JSON.stringify([p.scope ?? { type: 'default' }, p.language_code ?? '']);

// Only inline keyboards are part of a Message; reply keyboards are not echoed back.
function inlineMarkup(markup: unknown): StoredMessage['reply_markup'] {
  const keyboard = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  return Array.isArray(keyboard) && keyboard.length > 0 ? { inline_keyboard: keyboard as unknown[][] } : undefined;
}

function checkText(text: unknown, parseMode: unknown): string {
  const value = text === undefined ? '' : String(text);
  if (value.trim() === '') throw bad('message text is empty');
  if (visibleLength(value, parseMode) > 4096) throw bad('message is too long');
  return value;
}

const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);

/** Length after entity parsing, as Telegram counts it; with parse_mode HTML, rejects tags Telegram's parser rejects. */
function visibleLength(text: string, parseMode: unknown): number {
  if (parseMode !== 'HTML') return text.length;
  const open: string[] = [];
  for (const match of text.matchAll(/<(\/?)([^\s>]*)[^>]*>|</g)) {
    const [whole, closing, name = ''] = match;
    const at = `at byte offset ${Buffer.byteLength(text.slice(0, match.index))}`;
    if (whole === '<' || !HTML_TAGS.has(name.toLowerCase())) throw bad(`can't parse entities: Unsupported start tag "${name}" ${at}`);
    if (!closing) open.push(name.toLowerCase());
    else if (open.pop() !== name.toLowerCase()) throw bad(`can't parse entities: Unmatched end tag ${at}`);
  }
  if (open.length > 0) throw bad(`can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`);
  return text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[\da-f]+);/gi, '_').length;
}

// Fields that arrive as JSON strings in urlencoded/multipart bodies, and form fields worth typing.
const JSON_FIELDS = /^(reply_markup|commands|scope|allowed_updates|entities|caption_entities)$/;
const BOOLEAN_FIELDS = /^(show_alert|drop_pending_updates|protect_content|disable_\w+)$/;
const NUMBER_FIELDS = /^(chat_id|message_id|user_id|offset|limit|timeout|cache_time)$/;

function coerce(key: string, value: string): unknown {
  if (JSON_FIELDS.test(key)) { try { return JSON.parse(value) as unknown; } catch { return value; } }
  if (BOOLEAN_FIELDS.test(key) && /^(true|false)$/.test(value)) return value === 'true';
  if (NUMBER_FIELDS.test(key) && /^-?\d{1,15}$/.test(value)) return Number(value);
  return value;
}

/** Parameters from the query string and a JSON, urlencoded or multipart body; uploads go to `files`. */
async function readRequest(req: http.IncomingMessage, url: URL): Promise<{ params: Params; files: Record<string, UploadedFile> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const params: Params = {};
  const files: Record<string, UploadedFile> = {};
  url.searchParams.forEach((value, key) => { params[key] = coerce(key, value); });
  if (type.includes('application/json') && body.length > 0) {
    const json = JSON.parse(body.toString('utf8')) as Params;
    for (const [key, value] of Object.entries(json)) params[key] = typeof value === 'string' ? coerce(key, value) : value;
  } else if (type.includes('application/x-www-form-urlencoded')) {
    new URLSearchParams(body.toString('utf8')).forEach((value, key) => { params[key] = coerce(key, value); });
  } else if (type.includes('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') params[key] = coerce(key, value);
      else files[key] = { name: value.name, type: value.type, content: Buffer.from(await value.arrayBuffer()) };
    }
    delete params.method;  // telegraf repeats the method name as a multipart field
  }
  return { params, files };
}
