import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Params = Record<string, unknown>;

export interface SlackUserRef { id: string; teamId: string; dmChannel: string; name: string }
export interface SlackChannel { id: string; name: string; member: boolean; /** set for a DM: its only other member */ user?: string }
/**
 * One request the fake answered. Besides Web API methods, `method` is 'response_url' (a POST to `responseUrl()`),
 * 'upload' (the bytes POSTed to an upload_url) or 'file_download' (a GET of a file's url_private_download).
 */
export interface SlackCall {
  method: string; params: Params; at: number; status: number;
  /** Set when the fake answered ok:false (or a non-200 status). */
  error?: string;
  /** 'missing_text': blocks without a top-level text. Slack accepts it, but notifications and screen readers get nothing. */
  warning?: string;
  url?: string;
}
/** A bot message as the fake stores it: current state after chat.update. */
export interface SlackMessage {
  channel: string; ts: string; text: string; blocks?: Params[]; thread_ts?: string;
  /** A files.completeUploadExternal share: the files' ids; `text` is the initial_comment. */
  files?: string[];
  edited?: { user: string; ts: string };
}
/** The file object as files.info and file_share events carry it (the fields @slack/types requires). */
export interface SlackFileInfo {
  id: string; created: number; timestamp: number; name: string; title: string; mimetype: string; filetype: string; pretty_type: string;
  user: string; user_team: string; editable: boolean; size: number; mode: 'hosted'; is_external: boolean; external_type: string;
  is_public: boolean; public_url_shared: boolean; display_as_bot: boolean; username: string;
  url_private: string; url_private_download: string; permalink: string; channels: string[]; groups: string[]; ims: string[];
}
export interface UploadedSlackFile { id: string; title: string; filename: string; content: Buffer; channel?: string; initialComment?: string }
export interface SlackFailure { status?: number; retryAfter?: number; error?: string }
export type SlackView = Params & { id: string; type: string; hash: string; blocks: Params[]; callback_id: string; private_metadata: string; external_id: string };

class ApiError extends Error {
  constructor(readonly error: string, readonly status = 200, readonly retryAfter?: number, readonly messages?: string[]) { super(error); }
}
const apiError = (error: string, messages?: string[]) => new ApiError(error, 200, undefined, messages);
const throwError = (error: Error): never => { throw error; };

/** Slack's request signature headers for `rawBody` (v0, HMAC-SHA256 of `v0:<ts>:<body>`). */
export function slackSignature(secret: string, rawBody: string, ts = Math.floor(Date.now() / 1000)): { 'x-slack-request-timestamp': string; 'x-slack-signature': string } {
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`,
  };
}

/** A Slack Web API server on 127.0.0.1 for tests: records calls, keeps bot messages, views and files, validates Block Kit. */
export class FakeSlack {
  readonly token: string;
  readonly teamId = 'T0TIMKERJA';
  readonly teamDomain = 'timkerja';
  readonly appId = 'A0TIMKERJA';
  readonly botUserId = 'U0BOT';
  readonly botId = 'B0BOT';
  readonly calls: SlackCall[] = [];
  private readonly enforceChannelRate: boolean;
  private server: http.Server | undefined;
  private origin = '';
  private revoked = false;
  private clockOffset = 0;
  private lastTsMicros = 0;
  private counter = 0;
  private violations = 0;
  private warning: string | undefined;
  private users = new Map<string, SlackUserRef & { email?: string }>();
  private channels = new Map<string, SlackChannel>();
  private messages = new Map<string, SlackMessage[]>();
  private triggers = new Map<string, { at: number; user?: string; used: boolean }>();
  private views = new Map<string, SlackView>();
  private modals = new Map<string, string>();
  private homes = new Map<string, string>();
  private files = new Map<string, { info: SlackFileInfo; content?: Buffer }>();
  private pendingUploads = new Map<string, { filename: string; length: number; content?: Buffer }>();
  private uploads: UploadedSlackFile[] = [];
  private responseUrls = new Set<string>();
  private lastPostAt = new Map<string, number>();
  private failures = new Map<string, SlackFailure[]>();
  private listeners = new Set<() => void>();

  constructor(options: { token?: string; enforceChannelRate?: boolean } = {}) {
    this.token = options.token ?? 'xoxb-test';
    this.enforceChannelRate = options.enforceChannelRate ?? false;
  }

  /** `http://127.0.0.1:PORT/api/`, for `clientOptions.slackApiUrl`. */
  get apiUrl(): string { return `${this.origin}api/`; }
  /** chat.postMessage calls to a channel less than 1000 ms after the previous one there (Slack: about 1 message/s per channel). */
  get chatViolations(): number { return this.violations; }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return this.apiUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  }

  /** The fake's clock (ms): trigger expiry, the channel rate and message ts use it. */
  now(): number { return Date.now() + this.clockOffset; }
  advanceClock(ms: number): void { this.clockOffset += ms; }

  addUser(user: { id: string; name: string; email?: string }): SlackUserRef {
    const dmChannel = `D${user.id.replace(/^[UW]/, '')}`;
    const ref = { id: user.id, teamId: this.teamId, dmChannel, name: user.name };
    this.users.set(user.id, { ...ref, ...(user.email ? { email: user.email } : {}) });
    this.channels.set(dmChannel, { id: dmChannel, name: user.name, member: true, user: user.id });
    return ref;
  }

  addChannel(channel: { id: string; name: string; member?: boolean }): SlackChannel {
    const stored = { id: channel.id, name: channel.name, member: channel.member ?? true };
    this.channels.set(channel.id, stored);
    return stored;
  }

  channelName(id: string): string | undefined { return this.channels.get(id)?.name; }

  /** A file a user (default: the first one added) shared; files.info finds it and url_private_download serves `content` to the bot token. */
  addFile(file: { id: string; name: string; mimetype: string; permalink?: string; content?: Buffer; user?: string }): SlackFileInfo {
    return this.registerFile({ ...file, title: file.name, user: file.user ?? [...this.users.keys()][0] ?? 'U0UNKNOWN' });
  }

  /** A Slack ts (`seconds.micros`) from the fake's clock, unique and increasing. */
  issueTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastTsMicros + 100);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** Slack: a trigger_id can open one view, within 3 s. `userId` lets `modalOf(userId)` find the opened modal. */
  issueTriggerId(userId?: string): string {
    const id = `${++this.counter}.${Math.floor(this.now() / 1000)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { at: this.now(), used: false, ...(userId ? { user: userId } : {}) });
    return id;
  }

  /** A fresh response_url on the fake; POSTs to it are recorded as method 'response_url'. */
  responseUrl(): string {
    const url = `${this.origin}actions/${this.teamId}/${++this.counter}/${randomBytes(12).toString('hex')}`;
    this.responseUrls.add(url);
    return url;
  }

  revokeToken(): void { this.revoked = true; }
  /** The admin renewed the token: calls succeed again. */
  restoreToken(): void { this.revoked = false; }

  /** Queue a failure for the next call of `method`: status 429 answers `ratelimited` with Retry-After (default 1 s). */
  failNext(method: string, failure: SlackFailure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  callsOf(method: string): SlackCall[] { return this.calls.filter((c) => c.method === method); }

  /** Resolves with the first matching call at index >= `since` (pass `calls.length` to wait only for new ones). */
  waitForCall(method: string, predicate: (c: SlackCall) => boolean = () => true, timeoutMs = 3000, since = 0): Promise<SlackCall> {
    const find = () => this.calls.slice(since).find((c) => c.method === method && predicate(c));
    return new Promise((resolve, reject) => {
      const settle = (fn: () => void) => { clearTimeout(timer); this.listeners.delete(check); fn(); };
      const check = () => {
        try {
          const found = find();
          if (found) settle(() => resolve(found));
        } catch (err) { settle(() => reject(err)); }
      };
      const timer = setTimeout(() => settle(() => reject(new Error(
        `FakeSlack: no matching '${method}' call in ${timeoutMs} ms; calls so far: [${this.calls.map((c) => c.method).join(', ')}]`))), timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** Bot messages in a channel (a user id means that user's DM), oldest first, as edited. */
  messagesIn(channel: string): SlackMessage[] {
    const id = this.users.get(channel)?.dmChannel ?? channel;
    return structuredClone(this.messages.get(id) ?? []);
  }

  homeOf(userId: string): SlackView | undefined { return this.viewById(this.homes.get(userId) ?? ''); }
  /** The modal last opened with a trigger issued for this user, as last updated. */
  modalOf(userId: string): SlackView | undefined { return this.viewById(this.modals.get(userId) ?? ''); }
  viewById(id: string): SlackView | undefined {
    const view = this.views.get(id);
    return view && structuredClone(view);
  }

  uploadedFiles(channel?: string): UploadedSlackFile[] {
    return this.uploads.filter((u) => channel === undefined || u.channel === channel).map((u) => ({ ...u, content: Buffer.from(u.content) }));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const [, root = '', rest = ''] = /^\/([^/]+)\/(.*)$/.exec(url.pathname) ?? [];
    const method = root === 'api' ? rest : ROUTES[root] ?? url.pathname;
    const call: SlackCall = { method, params: {}, at: this.now(), status: 200 };
    const reply = (status: number, body: Params | string | Buffer, headers: Record<string, string> = {}) => {
      call.status = status;
      // Recorded only once written: a test that stops at this call must not cut the client's response.
      res.once('finish', () => { this.calls.push(call); this.notify(); });
      const json = typeof body !== 'string' && !Buffer.isBuffer(body);
      res.writeHead(status, { 'content-type': json ? 'application/json; charset=utf-8' : 'text/plain', ...headers }).end(json ? JSON.stringify(body) : body);
    };
    try {
      const request = await readRequest(req, url);
      delete request.params.token;
      call.params = request.params;
      const failure = this.failures.get(method)?.shift();
      if (failure) throw failureError(failure);
      if (root === 'api') {
        const result = this.callApi(method, req.headers.authorization, request.params);
        if (this.warning) call.warning = this.warning;
        return reply(200, { ok: true, ...result });
      }
      if (method === 'response_url') return this.respondToUrl(url, request.params, call, reply);
      if (method === 'upload') return this.receiveUpload(rest, request, call, reply);
      if (method === 'file_download') return this.serveFile(rest, req.headers.authorization, call, reply);
      call.error = 'not_found';
      reply(404, 'not found');
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError('fatal_error', 500, undefined, [String(err)]);
      call.error = error.error;
      reply(error.status, { ok: false, error: error.error, ...(error.messages ? { response_metadata: { messages: error.messages } } : {}) },
        error.retryAfter === undefined ? {} : { 'retry-after': String(error.retryAfter) });
    }
  }

  private callApi(method: string, authorization: string | undefined, params: Params): Params {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw apiError('not_authed');
    if (token !== this.token) throw apiError('invalid_auth');
    if (this.revoked) throw apiError('token_revoked');
    const handler = this.handlers[method] ?? throwError(apiError('unknown_method'));
    this.warning = undefined;
    return handler(params);
  }

  private readonly handlers: Record<string, (p: Params) => Params> = {
    'auth.test': () => ({ url: `https://${this.teamDomain}.slack.com/`, team: 'Timkerja', user: 'timkerja', team_id: this.teamId,
      user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false }),
    // Slack: a user id as channel posts to the bot's DM with that user; the answer names the D… channel.
    'chat.postMessage': (p) => {
      const user = this.users.get(String(p.channel));
      const channel = this.requireChannel(user ? user.dmChannel : p.channel);
      if (!channel.member) throw apiError('not_in_channel');
      const content = this.messageContent(p);
      this.checkChannelRate(channel.id);
      const message: SlackMessage = { channel: channel.id, ts: this.issueTs(), ...content, ...(typeof p.thread_ts === 'string' ? { thread_ts: p.thread_ts } : {}) };
      this.messagesOf(channel.id).push(message);
      return { channel: channel.id, ts: message.ts, message: this.messageObject(message) };
    },
    'chat.update': (p) => {
      const channel = this.requireChannel(p.channel);
      const message = this.messagesOf(channel.id).find((m) => m.ts === String(p.ts)) ?? throwError(apiError('message_not_found'));
      Object.assign(message, this.messageContent(p, message), { edited: { user: this.botUserId, ts: this.issueTs() } });
      return { channel: channel.id, ts: message.ts, text: message.text, message: this.messageObject(message) };
    },
    'chat.postEphemeral': (p) => {
      const channel = this.requireChannel(p.channel);
      if (!this.users.has(String(p.user))) throw apiError('user_not_found');
      if (!channel.member) throw apiError('not_in_channel');
      if (channel.user && channel.user !== p.user) throw apiError('user_not_in_channel');
      this.messageContent(p);
      return { message_ts: this.issueTs() };
    },
    // Only one-to-one DMs are modelled.
    'conversations.open': (p) => ({ channel: { id: this.requireUser(String(p.users ?? p.user ?? '').trim()).dmChannel } }),
    'users.info': (p) => {
      const { id, teamId, name, email } = this.requireUser(p.user);
      return { user: { id, team_id: teamId, name, real_name: name, deleted: false, is_bot: false, is_app_user: false,
        profile: { real_name: name, display_name: name, team: teamId, ...(email ? { email } : {}) } } };
    },
    'views.open': (p) => {
      const trigger = this.triggers.get(String(p.trigger_id ?? '')) ?? throwError(apiError('invalid_trigger_id'));
      if (trigger.used) throw apiError('exchanged_trigger_id');
      if (this.now() - trigger.at > 3000) throw apiError('expired_trigger_id');
      const input = checkView(p.view, 'modal');
      trigger.used = true;
      const view = this.storeView(input);
      if (trigger.user) this.modals.set(trigger.user, view.id);
      return { view };
    },
    'views.update': (p) => {
      const existing = (typeof p.view_id === 'string' && p.view_id ? this.views.get(p.view_id) : undefined)
        ?? [...this.views.values()].find((v) => typeof p.external_id === 'string' && p.external_id !== '' && v.external_id === p.external_id)
        ?? throwError(apiError('not_found'));
      if (typeof p.hash === 'string' && p.hash !== existing.hash) throw apiError('hash_conflict');
      return { view: this.storeView(checkView(p.view, existing.type), existing) };
    },
    'views.publish': (p) => {
      const user = this.requireUser(p.user_id);
      const existing = this.views.get(this.homes.get(user.id) ?? '');
      if (typeof p.hash === 'string' && existing && p.hash !== existing.hash) throw apiError('hash_conflict');
      const view = this.storeView(checkView(p.view, 'home'), existing);
      this.homes.set(user.id, view.id);
      return { view };
    },
    'files.info': (p) => ({ file: this.files.get(String(p.file))?.info ?? throwError(apiError('file_not_found')) }),
    'files.getUploadURLExternal': (p) => {
      const length = Number(p.length);
      if (typeof p.filename !== 'string' || p.filename === '' || !Number.isInteger(length) || length < 1) throw apiError('invalid_arguments');
      const id = `F${this.nextId()}`;
      this.pendingUploads.set(id, { filename: p.filename, length });
      return { upload_url: `${this.origin}upload/v1/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (p) => {
      const entries = Array.isArray(p.files) ? p.files.map((f) => asObject(f) ?? {}) : [];
      if (entries.length === 0 || entries.some((e) => typeof e.id !== 'string')) throw apiError('invalid_arguments');
      const channel = p.channel_id === undefined ? undefined : this.requireChannel(p.channel_id);
      if (channel && !channel.member) throw apiError('not_in_channel');
      const ready = entries.map((entry) => {
        const upload = this.pendingUploads.get(String(entry.id));
        return upload?.content ? { entry, upload, content: upload.content } : throwError(apiError('file_not_found'));
      });
      const initialComment = typeof p.initial_comment === 'string' ? p.initial_comment : undefined;
      const files = ready.map(({ entry, upload, content }) => {
        const id = String(entry.id);
        const title = typeof entry.title === 'string' && entry.title !== '' ? entry.title : upload.filename;
        this.pendingUploads.delete(id);
        this.uploads.push({ id, title, filename: upload.filename, content, ...(channel ? { channel: channel.id } : {}), ...(initialComment === undefined ? {} : { initialComment }) });
        return this.registerFile({ id, name: upload.filename, title, content, user: this.botUserId, ...(channel ? { channel: channel.id } : {}) });
      });
      if (channel) this.messagesOf(channel.id).push({ channel: channel.id, ts: this.issueTs(), text: initialComment ?? '', files: files.map((f) => f.id) });
      return { files: files.map((f) => ({ id: f.id, title: f.title })) };
    },
  };

  private respondToUrl(url: URL, params: Params, call: SlackCall, reply: (status: number, body: Params) => void): void {
    call.url = url.href;
    if (!this.responseUrls.has(url.href)) throw new ApiError('expired_url', 404);
    if (params.blocks !== undefined) checkBlocks(params.blocks, 50, 'invalid_blocks');
    reply(200, { ok: true });
  }

  // WebClient's filesUploadV2 POSTs the bytes as multipart (one file field); a raw body is accepted as well.
  private receiveUpload(path: string, request: ParsedRequest, call: SlackCall, reply: (status: number, body: string) => void): void {
    const fileId = path.replace(/^v1\//, '');
    const upload = this.pendingUploads.get(fileId) ?? throwError(new ApiError('file_not_found', 404));
    const file = request.files[0];
    upload.content = file ? file.content : request.raw;
    call.params = { file_id: fileId, ...(file ? { filename: file.name } : {}), size: upload.content.length };
    reply(200, `OK - ${upload.content.length}`);
  }

  // Slack answers a url_private request without the bot token with its sign-in page (HTTP 200, HTML), not an error.
  private serveFile(path: string, authorization: string | undefined, call: SlackCall, reply: (status: number, body: string | Buffer, headers?: Record<string, string>) => void): void {
    const fileId = /^[^-]+-([^/]+)\//.exec(path)?.[1] ?? '';
    call.params = { file: fileId };
    const file = this.files.get(fileId);
    if (authorization !== `Bearer ${this.token}` || this.revoked) {
      call.error = 'not_authed';
      return reply(200, '<!DOCTYPE html><html><body>Sign in to Slack</body></html>', { 'content-type': 'text/html; charset=utf-8' });
    }
    if (!file?.content) { call.error = 'file_not_found'; return reply(404, 'not found'); }
    reply(200, file.content, { 'content-type': file.info.mimetype });
  }

  private messageContent(p: Params, previous?: SlackMessage): { text: string; blocks?: Params[] } {
    const blocks = p.blocks === undefined ? previous?.blocks : checkBlocks(p.blocks, 50, 'invalid_blocks');
    const text = p.text === undefined ? previous?.text ?? '' : String(p.text);
    if (text === '' && !blocks?.length && p.attachments === undefined) throw apiError('no_text');
    if (text.length > 40_000) throw apiError('msg_too_long');
    if (text === '' && blocks?.length) this.warning = 'missing_text';
    return { text, ...(blocks ? { blocks } : {}) };
  }

  private messageObject(m: SlackMessage): Params {
    return { type: 'message', user: this.botUserId, bot_id: this.botId, app_id: this.appId, team: this.teamId,
      text: m.text, ts: m.ts, ...(m.blocks ? { blocks: m.blocks } : {}), ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), ...(m.edited ? { edited: m.edited } : {}) };
  }

  // The rate is observed against the last accepted post; with enforceChannelRate a too-early post is refused like Slack's 429.
  private checkChannelRate(channel: string): void {
    const now = this.now();
    const last = this.lastPostAt.get(channel);
    if (last !== undefined && now - last < 1000) {
      this.violations++;
      if (this.enforceChannelRate) throw new ApiError('ratelimited', 429, 1);
    }
    this.lastPostAt.set(channel, now);
  }

  private storeView(input: Params, existing?: SlackView): SlackView {
    const id = existing?.id ?? `V${this.nextId()}`;
    const externalId = typeof input.external_id === 'string' ? input.external_id : '';
    if (externalId && [...this.views.values()].some((v) => v.external_id === externalId && v.id !== id)) throw apiError('duplicate_external_id');
    const view: SlackView = {
      team_id: this.teamId, close: null, submit: null, clear_on_close: false, notify_on_close: false,
      previous_view_id: null, app_id: this.appId, app_installed_team_id: this.teamId, bot_id: this.botId,
      ...input,
      id, type: String(input.type), blocks: input.blocks as Params[], callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
      private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '', external_id: externalId,
      root_view_id: existing?.root_view_id ?? id, state: { values: {} }, hash: `${Math.floor(this.now() / 1000)}.${randomBytes(6).toString('hex')}`,
    };
    this.views.set(id, view);
    return structuredClone(view);
  }

  private registerFile(file: { id: string; name: string; title: string; user: string; mimetype?: string; permalink?: string; content?: Buffer; channel?: string }): SlackFileInfo {
    const created = Math.floor(this.now() / 1000);
    const filetype = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? 'binary';
    const urlPrivate = `${this.origin}files-pri/${this.teamId}-${file.id}/${encodeURIComponent(file.name)}`;
    const channel = file.channel ? this.channels.get(file.channel) : undefined;
    const info: SlackFileInfo = {
      id: file.id, created, timestamp: created, name: file.name, title: file.title,
      mimetype: file.mimetype ?? MIME_TYPES[filetype] ?? 'application/octet-stream', filetype, pretty_type: filetype.toUpperCase(),
      user: file.user, user_team: this.teamId, editable: false, size: file.content?.length ?? 0, mode: 'hosted', is_external: false,
      external_type: '', is_public: false, public_url_shared: false, display_as_bot: false, username: '',
      url_private: urlPrivate, url_private_download: `${urlPrivate.replace(/\/[^/]*$/, '')}/download/${encodeURIComponent(file.name)}`,
      permalink: file.permalink ?? `https://${this.teamDomain}.slack.com/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
      channels: channel && !channel.user ? [channel.id] : [], groups: [], ims: channel?.user ? [channel.id] : [],
    };
    this.files.set(file.id, { info, ...(file.content ? { content: Buffer.from(file.content) } : {}) });
    return info;
  }

  private requireChannel(id: unknown): SlackChannel {
    return this.channels.get(String(id ?? '')) ?? throwError(apiError('channel_not_found'));
  }
  private requireUser(id: unknown): SlackUserRef & { email?: string } {
    return this.users.get(String(id ?? '')) ?? throwError(apiError('user_not_found'));
  }
  private messagesOf(channel: string): SlackMessage[] {
    const list = this.messages.get(channel) ?? [];
    this.messages.set(channel, list);
    return list;
  }
  private nextId(): string { return `0${(++this.counter).toString(36).toUpperCase().padStart(8, '0')}`; }
  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

const ROUTES: Record<string, string> = { actions: 'response_url', upload: 'upload', 'files-pri': 'file_download' };
const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain', csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function failureError(failure: SlackFailure): ApiError {
  const status = failure.status ?? 200;
  const error = failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
  return new ApiError(error, status, status === 429 ? failure.retryAfter ?? 1 : failure.retryAfter);
}

const asObject = (value: unknown): Params | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Params : undefined;
const textOf = (value: unknown): string => {
  const text = asObject(value)?.text;
  return typeof text === 'string' ? text : '';
};

/** Validates blocks as Slack does and returns a copy in which Slack's generated block_id/action_id are filled in. */
function checkBlocks(raw: unknown, maxBlocks: number, error: string, pointer = '', inputsNeedBlockId = false): Params[] {
  if (!Array.isArray(raw) || raw.some((b) => !asObject(b))) {
    throw apiError(error === 'invalid_blocks' ? 'invalid_blocks_format' : error, [`[ERROR] blocks must be an array of objects [json-pointer:${pointer}/blocks]`]);
  }
  const problems = blockProblems(raw as Params[], maxBlocks, `${pointer}/blocks`, inputsNeedBlockId);
  if (problems.length > 0) throw apiError(error, problems);
  return (structuredClone(raw) as Params[]).map((block) => {
    for (const element of interactiveElements(block)) element.action_id ??= randomId();
    return { ...block, block_id: block.block_id ?? randomId() };
  });
}

// Limits from Slack's Block Kit reference. action_id must be unique within its block (Slack's documented rule).
function blockProblems(blocks: Params[], maxBlocks: number, at: string, inputsNeedBlockId: boolean): string[] {
  const problems: string[] = [];
  const problem = (pointer: string, message: string) => problems.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  const maxText = (value: unknown, max: number, pointer: string) => {
    if (textOf(value).length > max) problem(`${pointer}/text`, `must be less than ${max + 1} characters`);
  };
  if (blocks.length > maxBlocks) problem(at, `no more than ${maxBlocks} items allowed`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const here = `${at}/${i}`;
    if (typeof block.type !== 'string') problem(`${here}/type`, 'missing required field: type');
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > 255) problem(`${here}/block_id`, 'must be less than 256 characters');
      if (blockIds.has(block.block_id)) problem(`${here}/block_id`, `duplicate block_id: ${block.block_id}`);
      blockIds.add(block.block_id);
    } else if (block.type === 'input' && inputsNeedBlockId) {
      problem(`${here}/block_id`, 'an input block needs a block_id (timkerja rule: values are read by block_id)');
    }
    if (block.type === 'section') maxText(block.text, 3000, `${here}/text`);
    if (block.type === 'header') maxText(block.text, 150, `${here}/text`);
    if (block.type === 'input') { maxText(block.label, 2000, `${here}/label`); maxText(block.hint, 2000, `${here}/hint`); }
    if (Array.isArray(block.fields)) {
      if (block.fields.length > 10) problem(`${here}/fields`, 'no more than 10 items allowed');
      block.fields.forEach((field, j) => maxText(field, 2000, `${here}/fields/${j}`));
    }
    if (block.type === 'context' && Array.isArray(block.elements)) {
      if (block.elements.length > 10) problem(`${here}/elements`, 'no more than 10 items allowed');
      block.elements.forEach((element, j) => maxText(element, 3000, `${here}/elements/${j}`));
    }
    if (block.type === 'actions' && Array.isArray(block.elements) && block.elements.length > 25) problem(`${here}/elements`, 'no more than 25 items allowed');
    const actionIds = new Set<string>();
    for (const element of interactiveElements(block)) {
      const actionId = element.action_id;
      if (typeof actionId === 'string') {
        if (actionId.length > 255) problem(`${here}/action_id`, 'must be less than 256 characters');
        if (actionIds.has(actionId)) problem(`${here}/action_id`, `duplicate action_id: ${actionId}`);
        actionIds.add(actionId);
      }
      if (element.type === 'button') {
        maxText(element.text, 75, `${here}/elements/text`);
        if (typeof element.value === 'string' && element.value.length > 2000) problem(`${here}/value`, 'must be less than 2001 characters');
        if (typeof element.url === 'string' && element.url.length > 3000) problem(`${here}/url`, 'must be less than 3001 characters');
      }
    }
  });
  return problems;
}

function interactiveElements(block: Params): Params[] {
  const candidates = [...(block.type === 'actions' && Array.isArray(block.elements) ? block.elements : []), block.accessory, block.element];
  return candidates.map(asObject).filter((e): e is Params => e !== undefined && typeof e.type === 'string' && e.type !== 'image');
}

function checkView(raw: unknown, expectedType: string): Params {
  const view = asObject(raw) ?? throwError(apiError('invalid_arguments', ['[ERROR] missing required field: view']));
  const problems: string[] = [];
  const problem = (pointer: string, message: string) => problems.push(`[ERROR] ${message} [json-pointer:/view${pointer}]`);
  if (typeof view.type !== 'string') problem('/type', 'missing required field: type');
  else if (view.type !== expectedType) problem('/type', `must be '${expectedType}' here`);
  if (view.type === 'modal' && !textOf(view.title)) problem('/title', 'missing required field: title');
  for (const key of ['title', 'submit', 'close']) if (textOf(view[key]).length > 24) problem(`/${key}/text`, 'must be less than 25 characters');
  for (const [key, max] of [['private_metadata', 3000], ['callback_id', 255], ['external_id', 255]] as const) {
    if (typeof view[key] === 'string' && view[key].length > max) problem(`/${key}`, `must be less than ${max + 1} characters`);
  }
  if (!Array.isArray(view.blocks)) problem('/blocks', 'missing required field: blocks');
  else {
    problems.push(...blockProblems(view.blocks.map((b) => asObject(b) ?? {}), 100, '/view/blocks', true));
    if (view.type === 'modal' && view.blocks.some((b) => asObject(b)?.type === 'input') && !view.submit) problem('/submit', 'a view with input blocks needs submit');
  }
  if (problems.length > 0) throw apiError('invalid_arguments', problems);
  return { ...view, blocks: checkBlocks(view.blocks, 100, 'invalid_arguments', '/view', true) };
}

const randomId = () => randomBytes(3).toString('base64url');

// Fields WebClient sends as JSON strings in a form body.
const JSON_FIELDS = /^(blocks|attachments|view|files|metadata)$/;

interface ParsedRequest { params: Params; files: Array<{ field: string; name: string; type: string; content: Buffer }>; raw: Buffer }

/** Parameters from the query string and a JSON, urlencoded or multipart body; multipart files go to `files`. */
async function readRequest(req: http.IncomingMessage, url: URL): Promise<ParsedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const parsed: ParsedRequest = { params: {}, files: [], raw };
  const set = (key: string, value: unknown) => {
    if (typeof value !== 'string' || !JSON_FIELDS.test(key)) { parsed.params[key] = value; return; }
    try { parsed.params[key] = JSON.parse(value) as unknown; } catch { parsed.params[key] = value; }
  };
  url.searchParams.forEach((value, key) => set(key, value));
  if (type.includes('application/json') && raw.length > 0) {
    let json: unknown;
    try { json = JSON.parse(raw.toString('utf8')); } catch { throw apiError('invalid_json'); }
    for (const [key, value] of Object.entries(asObject(json) ?? throwError(apiError('invalid_json')))) set(key, value);
  } else if (type.includes('application/x-www-form-urlencoded')) {
    new URLSearchParams(raw.toString('utf8')).forEach((value, key) => set(key, value));
  } else if (type.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') set(key, value);
      else parsed.files.push({ field: key, name: value.name, type: value.type, content: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return parsed;
}
