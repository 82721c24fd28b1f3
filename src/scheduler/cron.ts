// The only node-cron importer: one tick a minute; the database decides what is due (issue 8).
import cron from 'node-cron';
import type { Db } from '../db/createDb';
import type { Clock, Logger } from '../core/ports';
import { sendDueReportReminders } from '../core/scheduler/reportReminders';

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: { db: Db; clock: Clock; logger: Logger }): Scheduler {
  let running = false;
  const task = cron.schedule('* * * * *', async () => {
    if (running) return; // a slow tick is not overtaken by the next one
    running = true;
    try {
      const sent = await sendDueReportReminders(deps.db, deps.clock.now());
      if (sent > 0) deps.logger.info({ reminders: sent }, 'report reminders queued');
    } catch (error) {
      deps.logger.error({ code: (error as { code?: string }).code ?? (error as Error).name }, 'scheduler tick failed');
    } finally {
      running = false;
    }
  });
  return { stop: async () => { await task.stop(); } };
}
