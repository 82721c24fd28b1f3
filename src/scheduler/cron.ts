// The only node-cron importer: one tick a minute; the database decides what is due (issue 8).
import cron from 'node-cron';
import type { Db } from '../db/createDb';
import type { Clock, Logger } from '../core/ports';
import { runTick } from '../core/scheduler/runTick';

export interface Scheduler {
  /** Runs a tick now (the sandbox, after moving its clock), after any tick still running. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(deps: { db: Db; clock: Clock; logger: Logger; onQueued?: () => void }): Scheduler {
  let current: Promise<void> | null = null;
  const run = async () => {
    const result = await runTick(deps.db, deps.clock.now(), deps.logger);
    const queued = Object.values(result).reduce((a, b) => a + b, 0);
    if (queued > 0) {
      deps.logger.info(result, 'scheduled messages queued');
      deps.onQueued?.();
    }
  };
  const start = () => (current = run().finally(() => { current = null; }));
  // A slow tick is not overtaken by the next minute's; an explicit tick waits for it, then runs.
  const task = cron.schedule('* * * * *', async () => { if (!current) await start(); });
  const tick = async () => {
    while (current) await current.catch(() => undefined);
    await start();
  };
  return {
    tick,
    stop: async () => {
      await task.stop();
      await current?.catch(() => undefined); // the database closes after the tick, not during it
    },
  };
}
