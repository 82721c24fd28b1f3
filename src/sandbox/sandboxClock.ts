import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../core/ports';

const StoredClock = z.object({ offsetMs: z.number().int().nonnegative() });

/**
 * The sandbox's time: the real clock plus an offset that only grows. The offset is kept in a file
 * beside the database, so what the scheduler already sent at a jumped-to time stays in the past
 * after a restart.
 */
export class SandboxClock implements Clock {
  private offsetMs: number;

  constructor(private readonly file: string) {
    this.offsetMs = SandboxClock.storedOffset(file);
  }

  /** The offset kept in the file; a missing or damaged file means none. */
  static storedOffset(file: string): number {
    try {
      return StoredClock.parse(JSON.parse(readFileSync(file, 'utf8'))).offsetMs;
    } catch {
      return 0;
    }
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `at` (never backwards). */
  advanceTo(at: Date): Date {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
    // Written aside, then renamed: a crash mid-write never leaves half a file.
    writeFileSync(`${this.file}.tmp`, JSON.stringify({ offsetMs: this.offsetMs }));
    renameSync(`${this.file}.tmp`, this.file);
    return this.now();
  }
}
