import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.join(import.meta.dirname, '..', '..');

export interface MainProcess {
  /** From spawn() to the "timkerja siap" log line, in ms. */
  readyMs: number;
  /** Resident set size now (Linux /proc), in MB; NaN elsewhere. */
  rssMb(): number;
  stop(): Promise<number | null>;
}

/**
 * Starts the real entry point as `npm start` does, minus the tsx CLI wrapper process:
 * `node --import tsx src/main.ts`, with only the given environment (and PATH).
 */
export async function spawnMain(env: Record<string, string>, timeoutMs = 60_000): Promise<MainProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const readyMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`src/main.ts not ready in ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"timkerja siap"')) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`src/main.ts exited with ${code}:\n${output.slice(-2000)}`)); });
  });
  // Keep draining its output so the child never blocks on a full pipe.
  child.stdout.on('data', () => undefined);
  child.removeAllListeners('exit');
  return {
    readyMs,
    rssMb: () => {
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) / 1024 : Number.NaN;
      } catch {
        return Number.NaN;
      }
    },
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => { clearTimeout(killer); resolve(code); });
      child.kill('SIGTERM');
    }),
  };
}
