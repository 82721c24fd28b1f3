import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../core/ports';
import type { FakeUser, LocalBotApi, StoredMessage, UserMessage } from './localBotApi';
import type { Persona } from './personas';

const WEB_DIR = path.join(import.meta.dirname, 'web');
// The page and its modules: a fixed list read once, so no request path ever reaches the disk.
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  ...Object.fromEntries(readdirSync(WEB_DIR).filter((name) => /^[a-z]+\.js$/.test(name))
    .map((name) => [`/${name}`, { file: name, type: 'text/javascript; charset=utf-8' }])),
};
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
// The page's own files only, and no framing: another site cannot click approvals through it.
const CSP = "default-src 'self'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const TextBody = z.object({ text: z.string().trim().min(1).max(4096) });
const PressBody = z.object({ messageId: z.number().int().positive(), data: z.string().min(1).max(64) });

export interface PlaygroundDeps {
  botApi: LocalBotApi;
  botName: string;
  timeZone: string;
  personas: () => Promise<Persona[]>;
  /** Links the persona to the bot on first use (through the bot's own /start flow). */
  openPersona: (persona: Persona) => Promise<void>;
  now: () => Date;
  /** Moves the sandbox clock to the next reminder or digest and runs the scheduler at once. */
  advanceClock: () => Promise<{ now: Date; reached: Date; what: string }>;
  logger: Logger;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

/** The playground page and its JSON API, on 127.0.0.1 only. */
export async function startPlayground(deps: PlaygroundDeps, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const streams = new Set<http.ServerResponse>();
  const broadcast = (event: object) => { for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`); };
  const unsubscribe = deps.botApi.onChange((change) => {
    if (change.chatId !== undefined) broadcast({ type: 'chat', userId: change.chatId });
    if (change.notice) broadcast({ type: 'notice', ...change.notice });
  });
  const heartbeat = setInterval(() => { for (const res of streams) res.write(': tetap terhubung\n\n'); }, 25_000);
  let origin = '';

  const server = http.createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) deps.logger.error({ code: (error as Error).name, path: req.url }, 'sandbox request failed');
      if (!res.headersSent) json(res, status, { error: error instanceof HttpError ? error.message : 'Kesalahan server sandbox' });
      else res.end();
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only this page may drive the sandbox: no other site in the browser, no rebound host name.
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost):\d+$/.test(host)) throw new HttpError(421, 'Host tidak dikenal');
    if (req.method === 'POST' && req.headers.origin && req.headers.origin !== origin && req.headers.origin !== `http://${host}`) throw new HttpError(403, 'Asal permintaan ditolak');
    const url = new URL(req.url ?? '/', origin);
    const page = STATIC[url.pathname];
    if (req.method === 'GET' && page) {
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': CSP });
      res.end(readFileSync(path.join(WEB_DIR, page.file)));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/state') {
      return json(res, 200, { botName: deps.botName, clock: { now: deps.now().toISOString(), timeZone: deps.timeZone }, personas: (await deps.personas()).map(({ pegawaiId: _, ...p }) => p) });
    }
    if (req.method === 'GET' && url.pathname === '/api/events') return openStream(res);
    if (req.method === 'POST' && url.pathname === '/api/clock/advance') {
      const { now, reached, what } = await deps.advanceClock();
      broadcast({ type: 'clock', now: now.toISOString() });
      return json(res, 200, { now: now.toISOString(), reached: reached.toISOString(), what });
    }
    const file = /^\/files\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'GET' && file) return download(res, file[1]!);
    const chat = /^\/api\/(chats|personas)\/(\d+)(?:\/(messages|files|press|open))?$/.exec(url.pathname);
    if (!chat) throw new HttpError(404, 'Tidak ditemukan');
    const persona = (await deps.personas()).find((p) => p.userId === Number(chat[2]));
    if (!persona) throw new HttpError(404, 'Persona tidak dikenal');
    const user: FakeUser = { id: persona.userId, first_name: persona.name };
    const dm = { id: persona.userId, type: 'private' as const };
    const action = `${req.method} ${chat[1]}/${chat[3] ?? ''}`;
    if (action === 'POST personas/open') {
      await deps.openPersona(persona);
      return json(res, 200, { ok: true });
    }
    if (action === 'GET chats/') return json(res, 200, { messages: deps.botApi.transcript(persona.userId).map(toView) });
    if (action === 'POST chats/messages') {
      deps.botApi.sendText(user, dm, parse(TextBody, await readJson(req)).text);
      return json(res, 202, { ok: true });
    }
    if (action === 'POST chats/press') {
      const { messageId, data } = parse(PressBody, await readJson(req));
      if (!deps.botApi.messagesTo(persona.userId).some((m) => m.message_id === messageId)) throw new HttpError(404, 'Pesan tidak ditemukan');
      deps.botApi.clickButton(user, { chat: dm, message_id: messageId }, data);
      return json(res, 202, { ok: true });
    }
    if (action === 'POST chats/files') {
      const { file, caption } = await readUpload(req);
      const fileId = `sandbox-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const content = Buffer.from(await file.arrayBuffer());
      if (file.type.startsWith('image/')) deps.botApi.sendPhoto(user, dm, fileId, caption, content);
      else deps.botApi.sendDocument(user, dm, { file_id: fileId, file_name: file.name || 'berkas', mime_type: file.type || 'application/octet-stream' }, caption, content);
      return json(res, 202, { ok: true });
    }
    throw new HttpError(404, 'Tidak ditemukan');
  }

  function openStream(res: http.ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': terhubung\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  function download(res: http.ServerResponse, fileId: string): void {
    const stored = deps.botApi.file(fileId);
    if (!stored) throw new HttpError(404, 'Berkas tidak ditemukan');
    const name = stored.document.file_name;
    res.writeHead(200, {
      'content-type': stored.document.mime_type ?? 'application/octet-stream', 'content-length': stored.content.length,
      'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
    });
    res.end(stored.content);
  }

  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', resolve); });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    async stop() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of streams) res.end();
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    },
  };
}

interface MessageView {
  id: number; from: 'bot' | 'user'; date: string; edited: boolean; text?: string; caption?: string;
  document?: { name: string; mime: string; url: string }; photo?: { url: string };
  buttons?: Array<Array<{ text: string; data?: string; url?: string }>>;
}

function toView(message: StoredMessage | UserMessage): MessageView {
  const fromBot = (message.from as { is_bot?: boolean }).is_bot === true;
  const keyboard = 'reply_markup' in message ? message.reply_markup?.inline_keyboard : undefined;
  const photo = message.photo?.at(-1);
  return {
    id: message.message_id, from: fromBot ? 'bot' : 'user', date: new Date(message.date * 1000).toISOString(),
    edited: 'edit_date' in message && message.edit_date !== undefined,
    ...(message.text !== undefined ? { text: message.text } : {}), ...(message.caption !== undefined ? { caption: message.caption } : {}),
    ...(message.document ? { document: { name: message.document.file_name, mime: message.document.mime_type ?? 'application/octet-stream', url: `/files/${message.document.file_id}` } } : {}),
    ...(photo ? { photo: { url: `/files/${photo.file_id}` } } : {}),
    ...(keyboard ? { buttons: keyboard.map((row) => (row as Array<{ text: string; callback_data?: string; url?: string }>).map((b) => ({ text: b.text, ...(b.callback_data ? { data: b.callback_data } : {}), ...(b.url ? { url: b.url } : {}) }))) } : {}),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'Isian tidak valid');
  return result.data;
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Berkas terlalu besar (maksimal 20 MB)');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').includes('application/json')) throw new HttpError(415, 'Harus JSON');
  try {
    return JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'JSON tidak valid');
  }
}

async function readUpload(req: http.IncomingMessage): Promise<{ file: File; caption?: string }> {
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('multipart/form-data')) throw new HttpError(415, 'Harus multipart/form-data');
  const body = await readBody(req, MAX_UPLOAD_BYTES);
  const form = await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => { throw new HttpError(400, 'Unggahan tidak dapat dibaca'); });
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) throw new HttpError(400, 'Tidak ada berkas');
  const caption = form.get('caption');
  return { file, ...(typeof caption === 'string' && caption.trim() ? { caption: caption.slice(0, 1024) } : {}) };
}
