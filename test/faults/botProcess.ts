import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const REPO = path.join(import.meta.dirname, '..', '..');

export interface LogLine {
  level: number;
  msg?: string;
  code?: string;
  [key: string]: unknown;
}

/**
 * The real bot (`node --import tsx src/main.ts`, as `npm start` runs it) as a child process with
 * only the given environment. Keeps every line it writes, so a case can read what was logged.
 */
export class BotProcess {
  /** Every stdout and stderr line, in order. */
  readonly lines: string[] = [];
  /** Exit code or signal, once it has exited. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    const collect = (stream: NodeJS.ReadableStream) => {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString()).split('\n');
        partial = parts.pop() ?? '';
        this.lines.push(...parts);
      });
    };
    collect(child.stdout!);
    collect(child.stderr!);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => { this.exit = { code, signal }; resolve(); }));
  }

  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<BotProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const bot = new BotProcess(child);
    const deadline = Date.now() + timeoutMs;
    while (!bot.lines.some((line) => line.includes('"msg":"timkerja siap"'))) {
      if (bot.exit) throw new Error(`src/main.ts exited (${bot.exit.code ?? bot.exit.signal}) before it was ready:\n${bot.tail()}`);
      if (Date.now() > deadline) { await bot.kill9(); throw new Error(`src/main.ts not ready in ${timeoutMs} ms:\n${bot.tail()}`); }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return bot;
  }

  get pid(): number { return this.child.pid!; }

  /** pino's JSON lines; anything else it printed is skipped. */
  logs(): LogLine[] {
    return this.lines.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try { return [JSON.parse(line) as LogLine]; } catch { return []; }
    });
  }

  tail(lines = 30): string {
    return this.lines.slice(-lines).join('\n');
  }

  /** kill -9: no shutdown handler runs. Resolves once the process is gone. */
  async kill9(): Promise<void> {
    if (!this.exit) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, the bot's orderly shutdown; SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.exit) return;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(killer);
  }
}

/** A TCP port nobody listens on right now (for the bot's webhook and Slack servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
