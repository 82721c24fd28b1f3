import { readFileSync } from 'node:fs';
import { BotProcess } from '../faults/botProcess';

export interface MainProcess {
  /** From spawn() to the "timkerja siap" log line, in ms. */
  readyMs: number;
  /** Resident set size now (Linux /proc), in MB; NaN elsewhere. */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts the real entry point as `npm start` does, minus the tsx CLI wrapper process
 * (`node --import tsx src/main.ts`, BotProcess), with only the given environment (and PATH).
 */
export async function spawnMain(env: Record<string, string>, timeoutMs = 60_000): Promise<MainProcess> {
  const started = performance.now();
  const bot = await BotProcess.start(env, timeoutMs);
  return {
    readyMs: performance.now() - started,
    rssMb: () => {
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${bot.pid}/status`, 'utf8'))?.[1];
        return kb ? Number(kb) / 1024 : Number.NaN;
      } catch {
        return Number.NaN;
      }
    },
    stop: () => bot.stop(),
  };
}
