import http from 'node:http';

/** Status of a request the bot never answered in time, or could not be reached for (connection refused or cut). */
export const TIMED_OUT = -1;
export const UNREACHABLE = 0;

/** Keep-alive POSTs of raw bytes (bad UTF-8 included) to one URL; resolves with the HTTP status. */
export class RawPoster {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(url: string, maxSockets: number, private readonly timeoutMs = 30_000) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Resolves with the HTTP status, TIMED_OUT or UNREACHABLE. */
  async post(body: Buffer, headers: Record<string, string>): Promise<number> {
    const first = await this.postOnce(body, headers);
    // Node's advice: a kept-alive socket the server closed just then fails the request; send it again.
    return first.retry ? (await this.postOnce(body, headers)).status : first.status;
  }

  private postOnce(body: Buffer, headers: Record<string, string>): Promise<{ status: number; retry: boolean }> {
    return new Promise((resolve) => {
      const request = http.request({
        host: this.target.hostname, port: this.target.port, path: this.target.pathname, method: 'POST', agent: this.agent,
        headers: { 'content-length': body.length, ...headers },
      }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? UNREACHABLE, retry: false }));
        response.on('error', () => resolve({ status: UNREACHABLE, retry: false }));
      });
      request.setTimeout(this.timeoutMs, () => { request.destroy(); resolve({ status: TIMED_OUT, retry: false }); });
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ status: UNREACHABLE, retry: request.reusedSocket && error.code === 'ECONNRESET' }));
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Counts of HTTP statuses, e.g. "200 × 41,022, 401 × 3". */
export class StatusHistogram {
  readonly counts = new Map<number, number>();

  add(status: number): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  count(predicate: (status: number) => boolean): number {
    return [...this.counts].filter(([status]) => predicate(status)).reduce((sum, [, n]) => sum + n, 0);
  }

  toString(): string {
    const label = (status: number) => (status === TIMED_OUT ? 'timeout' : status === UNREACHABLE ? 'unreachable' : String(status));
    return [...this.counts].sort(([a], [b]) => a - b).map(([status, n]) => `${label(status)} × ${n.toLocaleString('en-US')}`).join(', ') || 'none';
  }
}

/** Runs `send` for every item with at most `workers` in flight; stops early when `stop()` says so. */
export async function sendBounded<T>(items: Iterator<T>, workers: number, send: (item: T) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  await Promise.all(Array.from({ length: workers }, async () => {
    for (let next = items.next(); !next.done && !stop(); next = items.next()) await send(next.value);
  }));
}
