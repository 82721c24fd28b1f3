import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../helpers/seededRandom';

export interface LimitCounts {
  /** Sends let through to the fake Bot API. */
  accepted: number;
  /** 429s drawn at random (the platform having a bad moment). */
  injected429: number;
  /** 429s for going over 30 messages in any 1,000 ms. */
  global429: number;
  /** 429s for a second message to one chat within 1,000 ms. */
  perChat429: number;
}

const SEND_METHODS = /\/(sendMessage|sendDocument|sendPhoto|editMessageText)$/;
const GLOBAL_PER_SECOND = 30;
const CHAT_INTERVAL_MS = 1000;

/**
 * Telegram's limits in front of a FakeTelegram (which has none): at most 30 messages in any
 * second (sliding window) and one per chat per second, answered like Telegram with 429 and
 * `retry_after`; plus `injectRate` of all send calls answered 429 at random (retry_after 1–3 s).
 */
export class RateLimitedTelegram {
  readonly counts: LimitCounts = { accepted: 0, injected429: 0, global429: 0, perChat429: 0 };
  private server: http.Server | undefined;
  private root = '';
  private recent: number[] = [];
  private lastToChat = new Map<string, number>();
  private readonly random: () => number;
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(private readonly upstreamRoot: string, private readonly injectRate: number, seed = 10) {
    this.random = seededRandom(seed);
  }

  get apiRoot(): string { return this.root; }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.root;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (SEND_METHODS.test(req.url ?? '')) {
      const retryAfter = this.verdict(chatIdOf(body, req.headers['content-type'] ?? ''));
      if (retryAfter !== null) {
        res.writeHead(429, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } }));
        return;
      }
    }
    this.forward(req, res, body);
  }

  /** null: let it through (and count it against the limits); a number: answer 429 with this retry_after. */
  private verdict(chatId: string): number | null {
    const now = Date.now();
    if (this.random() < this.injectRate) {
      this.counts.injected429++;
      return 1 + Math.floor(this.random() * 3);
    }
    while (this.recent.length > 0 && this.recent[0]! <= now - 1000) this.recent.shift();
    if (this.recent.length >= GLOBAL_PER_SECOND) {
      this.counts.global429++;
      return 1;
    }
    if (now - (this.lastToChat.get(chatId) ?? -Infinity) < CHAT_INTERVAL_MS) {
      this.counts.perChat429++;
      return 1;
    }
    this.recent.push(now);
    this.lastToChat.set(chatId, now);
    this.counts.accepted++;
    return null;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const upstream = new URL(req.url ?? '/', this.upstreamRoot);
    const request = http.request(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host, 'content-length': body.length }, agent: this.agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    request.on('error', () => { res.writeHead(502).end(); });
    request.end(body);
  }
}

function chatIdOf(body: Buffer, contentType: string): string {
  if (contentType.includes('application/json')) {
    try { return String((JSON.parse(body.toString('utf8')) as { chat_id?: unknown }).chat_id ?? ''); } catch { return ''; }
  }
  return /chat_id"?\r?\n?\r?\n?(-?\d+)/.exec(body.toString('latin1'))?.[1] ?? new URLSearchParams(body.toString('utf8')).get('chat_id') ?? '';
}
