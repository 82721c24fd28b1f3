import { isBusy } from './storageFailure';

const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 250;

/**
 * Runs `work` again while it fails with SQLITE_BUSY (another process holds the write lock), until
 * `deadline` (epoch ms); then the last SQLITE_BUSY is thrown. Only for work that changes nothing
 * when it fails that way: one statement outside a transaction, or BEGIN IMMEDIATE.
 *
 * SQLite's own busy_timeout would sleep inside better-sqlite3's synchronous call, freezing the
 * whole process (webhooks, Slack acks, timers) for as long as the other process holds the lock;
 * these pauses are timers, so everything else keeps running while this waits.
 */
export async function whileBusy<T>(work: () => Promise<T>, deadline: number): Promise<T> {
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return await work();
    } catch (error) {
      const left = deadline - Date.now();
      if (!isBusy(error) || left <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}
