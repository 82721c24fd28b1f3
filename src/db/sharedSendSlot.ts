import type { Db } from './createDb';

/**
 * Takes the next free send slot of a platform, shared by every process on this PostgreSQL
 * database, and returns how long to wait for it. Slots are `gapMs` apart on the server's clock, so
 * the processes' own clocks do not matter; a process killed while waiting just leaves a gap.
 */
export async function takeSharedSendSlot(db: Db, platform: string, gapMs: number): Promise<number> {
  const [slot] = await db.$queryRaw<Array<{ waitMs: number }>>`
    INSERT INTO "SendPace" ("platform", "nextAtMs")
    VALUES (${platform}, extract(epoch FROM clock_timestamp())::float8 * 1000 + ${gapMs}::float8)
    ON CONFLICT ("platform") DO UPDATE
      SET "nextAtMs" = GREATEST("SendPace"."nextAtMs", extract(epoch FROM clock_timestamp())::float8 * 1000) + ${gapMs}::float8
    RETURNING ("nextAtMs" - ${gapMs}::float8 - extract(epoch FROM clock_timestamp())::float8 * 1000) AS "waitMs"`;
  return Math.max(0, slot?.waitMs ?? 0);
}
