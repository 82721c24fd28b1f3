import http from 'node:http';

/** A keep-alive JSON poster: lighter per request than fetch, so the load generator costs less. */
export class JsonPoster {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(url: string, private readonly headers: Record<string, string> = {}, maxSockets = 256) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** POSTs `body`, reads the whole answer, resolves with the HTTP status (0: connection failed). */
  post(body: string, contentType = 'application/json', extraHeaders: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve) => {
      const request = http.request({
        host: this.target.hostname, port: this.target.port, path: this.target.pathname, method: 'POST', agent: this.agent,
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...this.headers, ...extraHeaders },
      }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      });
      request.on('error', () => resolve(0));
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Closed loop: `workers` senders, each starting its next job as soon as the previous one is
 * answered, until every worker's `next` returns null. Resolves with the jobs done and the time.
 */
export async function closedLoop(workers: number, next: (worker: number) => (() => Promise<void>) | null): Promise<{ done: number; ms: number }> {
  let done = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, async (_, worker) => {
    for (let job = next(worker); job; job = next(worker)) {
      await job();
      done++;
    }
  }));
  return { done, ms: performance.now() - started };
}

/**
 * Open loop: `send(i)` for i < total is started at `i / rate` seconds whether or not earlier ones
 * are answered; latency is counted from the planned start, so a stalled server cannot hide its
 * queue (no coordinated omission). Resolves with the latencies in ms of the slots that sent.
 */
export async function openLoop(rate: number, total: number, send: (i: number) => Promise<boolean>): Promise<number[]> {
  const latencies: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  const origin = performance.now();
  for (let i = 0; i < total; i++) {
    const planned = origin + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // send resolves false when it had nothing to send for this slot: no latency to count.
    inFlight.push(send(i).then((sent) => { if (sent) latencies.push(performance.now() - planned); }));
  }
  await Promise.all(inFlight);
  return latencies;
}
