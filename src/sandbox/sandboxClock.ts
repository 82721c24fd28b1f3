import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
    const stored = existsSync(file) ? StoredClock.safeParse(JSON.parse(readFileSync(file, 'utf8'))) : null;
    this.offsetMs = stored?.success ? stored.data.offsetMs : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `at` (never backwards). */
  advanceTo(at: Date): Date {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
    return this.now();
  }
}
