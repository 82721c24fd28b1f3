import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO = path.join(import.meta.dirname, '..', '..');

export interface HeldWriteLock {
  /** Outbox rows still PENDING when the lock was taken (enqueued before it). */
  pendingOutbox: string[];
  /** Resolves when the other process committed and let go, with how long it held the lock. */
  released: Promise<{ heldMs: number }>;
}

/**
 * Starts a separate process that takes the SQLite write lock of `file` (BEGIN IMMEDIATE) and holds
 * it for `ms`; resolves once the lock is held.
 */
export function holdWriteLock(file: string, ms: number): Promise<HeldWriteLock> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'writeLockHolder.ts'), file, String(ms)], {
    cwd: REPO, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) messages.push(JSON.parse(line) as Record<string, unknown>);
    waiters.splice(0).forEach((wake) => wake());
  });
  let exitCode: number | null | undefined;
  child.once('exit', (code) => { exitCode = code; waiters.splice(0).forEach((wake) => wake()); });
  const next = async (key: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const found = messages.find((m) => m[key]);
      if (found) return found;
      if (exitCode !== undefined) throw new Error(`the lock holder exited (${exitCode}) before '${key}': ${stderr.trim().split('\n').at(-1) ?? ''}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return next('locked').then((locked) => ({
    pendingOutbox: locked.pendingOutbox as string[],
    released: next('released').then((released) => ({ heldMs: released.heldMs as number })),
  }));
}
