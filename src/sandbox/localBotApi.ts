import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished } from 'node:stream/promises';
import { ChatStore } from './botApi/chatStore';
import { bad, fail, Failure, throwError } from './botApi/failure';
import { readRequest } from './botApi/readRequest';
import { checkText, mimeFromName, visibleLength } from './botApi/telegramRules';
import type {
  ApiError, BotApiChange, BotUser, FakeChat, FakeDocument, FakeUser, Params, RecordedCall, StoredMessage, UpdateJson, UploadedFile, UserMessage,
} from './botApi/types';

export type * from './botApi/types';

type Reply = (status: number, body: unknown) => void;
interface PendingPoll { limit: number; res: http.ServerResponse; respond: Reply }

/**
 * A Telegram Bot API server on 127.0.0.1 only: the sandbox's stand-in for Telegram, and the tests'.
 * It answers long polls and delivers webhooks (to loopback only), keeps chats and files in a
 * ChatStore, and validates what Telegram validates (text length, HTML).
 */
export class LocalBotApi {
  readonly token: string;
  readonly botUser: BotUser;
  private server: http.Server | undefined;
  private root = '';
  private queue: Params[] = [];
  private lastUpdateId = 0;
  private counter = 0;
  private polls: PendingPoll[] = [];
  private webhook: { url: string; secret?: string } | undefined;
  private delivering = false;
  private store: ChatStore;
  /** Callback query id → the user who pressed, until the bot answers it. */
  private openCallbackQueries = new Map<string, number>();
  private commands = new Map<string, unknown>();
  private listeners = new Set<(change: BotApiChange) => void>();

  constructor(options: { token?: string; botUser?: { first_name: string; username: string }; now?: () => Date } = {}) {
    this.token = options.token ?? '123456:TEST-TOKEN';
    this.botUser = { id: 777000, is_bot: true, ...(options.botUser ?? { first_name: 'Timkerja Uji', username: 'timkerja_uji_bot' }) };
    this.store = new ChatStore(this.botUser, options.now);
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
    this.store.addDocument(document, content);
    return this.queueMessage(user, chat, { document, ...(caption === undefined ? {} : { caption }) });
  }

  sendPhoto(user: FakeUser, chat: FakeChat, fileId: string, caption?: string, content?: Buffer): UpdateJson {
    const photo = [{ file_id: fileId, file_unique_id: `u-${fileId}`, width: 800, height: 600, file_size: content?.length ?? 40_000 }];
    this.store.addPhoto(fileId, content);
    return this.queueMessage(user, chat, { photo, ...(caption === undefined ? {} : { caption }) });
  }

  clickButton(user: FakeUser, message: { chat: { id: number }; message_id: number }, data: string): UpdateJson {
    const stored = this.store.findMessage(message.chat.id, message.message_id);
    if (!stored) throw new Error(`clickButton: the bot has no message ${message.message_id} in chat ${message.chat.id}`);
    const id = `cbq-${++this.counter}`;
    this.openCallbackQueries.set(id, user.id);
    const callbackQuery = { id, from: userObject(user), message: structuredClone(stored), chat_instance: `ci${message.chat.id}`, data };
    return this.enqueue({ callback_query: callbackQuery }) as unknown as UpdateJson;
  }

  rawUpdate(update: Record<string, unknown>): Record<string, unknown> {
    for (const value of Object.values(update)) {
      const chat = (value as { chat?: Partial<FakeChat> } | null)?.chat;
      if (typeof chat?.id === 'number' && typeof chat.type === 'string') this.store.rememberChat(chat as FakeChat);
    }
    const queryId = (update.callback_query as { id?: unknown } | undefined)?.id;
    const presser = (update.callback_query as { from?: { id?: unknown } } | undefined)?.from?.id;
    if (typeof queryId === 'string') this.openCallbackQueries.set(queryId, Number(presser));  // so the bot may answer it
    return this.enqueue(update);
  }

  /** The bot's messages in a chat, as they are now (after edits). */
  messagesTo(chatId: number): StoredMessage[] {
    return this.store.botMessages(chatId);
  }

  transcript(chatId: number): Array<StoredMessage | UserMessage> {
    return this.store.transcript(chatId);
  }

  file(fileId: string): { document: FakeDocument; content: Buffer } | undefined {
    return this.store.file(fileId);
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
    getChat: (p) => this.store.requireChat(p.chat_id),
    // Updates queued before setWebhook are delivered to it, unless drop_pending_updates.
    setWebhook: (p) => {
      // This server never posts beyond the machine: a webhook must be on loopback.
      if (p.url && !/^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(String(p.url))) throw bad('bad webhook: only 127.0.0.1 is allowed here');
      if (p.drop_pending_updates === true) this.queue = [];
      this.webhook = p.url ? { url: String(p.url), ...(typeof p.secret_token === 'string' ? { secret: p.secret_token } : {}) } : undefined;
      setImmediate(() => void this.deliverWebhooks());
      return true;
    },
    deleteWebhook: (p) => this.handlers.setWebhook!({ drop_pending_updates: p.drop_pending_updates }, {}),
    sendMessage: (p) => this.store.storeBotMessage(p, { text: checkText(p.text, p.parse_mode) }),
    sendDocument: (p, files) => {
      let document: FakeDocument | undefined;
      if (files.document) {
        const fileId = `doc-${++this.counter}`;
        document = { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: files.document.name, mime_type: mimeFromName(files.document.name) ?? (files.document.type || 'application/octet-stream') };
        this.store.addDocument(document, files.document.content);
      } else if (typeof p.document === 'string') {
        document = this.store.document(p.document) ?? throwError(bad('wrong file identifier/HTTP URL specified'));
      } else throw bad('there is no document in the request');
      if (p.caption !== undefined && visibleLength(String(p.caption), p.parse_mode) > 1024) throw bad('message caption is too long');
      return this.store.storeBotMessage(p, { document, ...(p.caption === undefined ? {} : { caption: String(p.caption) }) });
    },
    // Only re-sending a photo by a file_id a user sent is supported (the bot never uploads photos).
    sendPhoto: (p) => {
      if (typeof p.photo !== 'string' || !this.store.hasPhoto(p.photo)) throw bad('wrong file identifier/HTTP URL specified');
      return this.store.storeBotMessage(p, { photo: [{ file_id: p.photo }], ...(p.caption === undefined ? {} : { caption: String(p.caption) }) });
    },
    editMessageText: (p) => {
      const message = this.store.editable(p);
      if (message.text === undefined) throw bad('there is no text in the message to edit');
      return this.store.applyEdit(message, checkText(p.text, p.parse_mode), p.reply_markup);
    },
    editMessageReplyMarkup: (p) => this.store.applyEdit(this.store.editable(p), undefined, p.reply_markup),
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
    this.store.rememberChat(chat);
    const chatObject = chat.type === 'private'
      ? { id: chat.id, type: chat.type, first_name: user.first_name, ...(user.username ? { username: user.username } : {}) }
      : { id: chat.id, type: chat.type, title: chat.title ?? `Chat ${chat.id}` };
    const message = { message_id: this.store.takeMessageId(chat.id), from: userObject(user), chat: chatObject, date: this.store.nowSeconds(), ...content };
    this.store.addUserMessage(message as UserMessage);
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

const chatOf = (params: Params): number | undefined => (params.chat_id === undefined ? undefined : Number(params.chat_id));
const userObject = (user: FakeUser) => ({ id: user.id, is_bot: false, first_name: user.first_name, ...(user.username ? { username: user.username } : {}) });
const commandsKey = (p: Params) => JSON.stringify([p.scope ?? { type: 'default' }, p.language_code ?? '']);
