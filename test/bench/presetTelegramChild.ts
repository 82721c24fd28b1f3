import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PresetProcessMessage, TelegramPreset } from './presetTelegramProcess';

type Stopped = Extract<PresetProcessMessage, { kind: 'stopped' }>;

/** The parent's handle on presetTelegramProcess.ts: a fake Bot API that knows the bench's chats and presses. */
export class PresetTelegramChild {
  private constructor(private readonly child: ChildProcess, readonly apiRoot: string, readonly token: string) {}

  static async start(preset: TelegramPreset): Promise<PresetTelegramChild> {
    const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-bench-preset-'));
    const file = path.join(dir, 'preset.json');
    writeFileSync(file, JSON.stringify(preset));
    const child = fork(path.join(import.meta.dirname, 'presetTelegramProcess.ts'), [], {
      execArgv: ['--import', 'tsx'], env: { ...process.env, PRESET_FILE: file }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      const ready = await nextMessage(child, 'ready', 30_000) as Extract<PresetProcessMessage, { kind: 'ready' }>;
      return new PresetTelegramChild(child, ready.apiRoot, ready.token);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  get pid(): number { return this.child.pid!; }

  /** Stops the fake; resolves with its calls by method (answered ok or with an error). */
  async stop(): Promise<Stopped['calls']> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    const stopped = nextMessage(this.child, 'stopped', 30_000) as Promise<Stopped>;
    this.child.send({ kind: 'stop' });
    const { calls } = await stopped;
    await exited;
    return calls;
  }
}

function nextMessage(child: ChildProcess, kind: PresetProcessMessage['kind'], timeoutMs: number): Promise<PresetProcessMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: PresetProcessMessage) => {
      if (message.kind !== kind) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    const timer = setTimeout(() => { child.off('message', onMessage); reject(new Error(`fake Bot API process: no '${kind}' in ${timeoutMs} ms`)); }, timeoutMs);
    child.on('message', onMessage);
  });
}
