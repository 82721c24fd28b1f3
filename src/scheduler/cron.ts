// The only node-cron importer: one tick a minute; the database decides what is due (issue 8).
import cron from 'node-cron';
import type { Db } from '../db/createDb';
import type { Clock, Logger } from '../core/ports';
import { runTick } from '../core/scheduler/runTick';

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: { db: Db; clock: Clock; logger: Logger; onQueued?: () => void }): Scheduler {
  let running = false;
  const task = cron.schedule('* * * * *', async () => {
    if (running) return; // a slow tick is not overtaken by the next one
    running = true;
    try {
      const result = await runTick(deps.db, deps.clock.now(), deps.logger);
      const queued = Object.values(result).reduce((a, b) => a + b, 0);
      if (queued > 0) {
        deps.logger.info(result, 'scheduled messages queued');
        deps.onQueued?.();
      }
    } finally {
      running = false;
    }
  });
  return { stop: async () => { await task.stop(); } };
}
