import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FakeProcessCommand, FakeProcessMessage } from './fakeTelegramProcess';

type Call = Extract<FakeProcessMessage, { kind: 'call' }>;

/** The parent's handle on fakeTelegramProcess.ts: its API root, the calls it recorded, with their times. */
export class FakeTelegramChild {
  readonly calls: Call[] = [];
  apiRoot = '';
  token = '';
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: FakeProcessMessage) => {
      if (message.kind === 'call') this.calls.push(message);
      for (const listener of [...this.listeners]) listener();
    });
  }

  static async start(): Promise<FakeTelegramChild> {
    const child = fork(path.join(import.meta.dirname, 'fakeTelegramProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const fake = new FakeTelegramChild(child);
    const ready = await fake.next((m) => m.kind === 'ready', 30_000) as Extract<FakeProcessMessage, { kind: 'ready' }>;
    fake.apiRoot = ready.apiRoot;
    fake.token = ready.token;
    return fake;
  }

  async register(chatIds: number[]): Promise<void> {
    const done = this.next((m) => m.kind === 'registered', 30_000);
    this.child.send({ kind: 'register', chatIds } satisfies FakeProcessCommand);
    await done;
  }

  /** The first successful call of `method` to `chatId`, waiting up to `timeoutMs` for it. */
  async firstCall(method: string, chatId: number, timeoutMs: number): Promise<Call | null> {
    const find = () => this.calls.find((c) => c.method === method && c.chatId === chatId && c.ok);
    const deadline = Date.now() + timeoutMs;
    while (!find() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return find() ?? null;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'stop' } satisfies FakeProcessCommand);
    await exited;
  }

  private next(match: (m: FakeProcessMessage) => boolean, timeoutMs: number): Promise<FakeProcessMessage> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: FakeProcessMessage) => {
        if (!match(message)) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(message);
      };
      const timer = setTimeout(() => { this.child.off('message', onMessage); reject(new Error('fake Telegram process did not answer')); }, timeoutMs);
      this.child.on('message', onMessage);
    });
  }
}
