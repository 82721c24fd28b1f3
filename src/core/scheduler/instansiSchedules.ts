import type { Db } from '../../db/createDb';
import { loadWorkCalendar, type WorkCalendar } from '../calendar/workCalendar';
import { readSettings, type InstansiSettings } from '../domain/instansiSettings';

/** What the scheduler needs of one instansi: its zone, calendar, settings and whether reminders are paused. */
export interface InstansiSchedule {
  id: string;
  timeZone: string;
  remindersPaused: boolean;
  settings: InstansiSettings;
  calendar: WorkCalendar;
}

export async function loadInstansiSchedules(db: Db): Promise<Map<string, InstansiSchedule>> {
  const schedules = new Map<string, InstansiSchedule>();
  for (const instansi of await db.instansi.findMany()) {
    schedules.set(instansi.id, {
      id: instansi.id, timeZone: instansi.timeZone, remindersPaused: instansi.remindersPausedAt !== null,
      settings: readSettings(instansi.settings), calendar: await loadWorkCalendar(db, instansi.id),
    });
  }
  return schedules;
}

const BUSY_RETRIES = 10;

/**
 * Enqueues inside one transaction; a key another process wrote first means "already handled".
 * When another process holds the database (SQLite: SQLITE_BUSY, or a stale snapshot; PostgreSQL:
 * a write conflict), the transaction is simply run again, fresh.
 */
export async function once(work: () => Promise<number>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = String((error as { code?: string }).code ?? '');
      if (code === 'P2002') return 0;
      // P2034: PostgreSQL gave up on a write conflict or a deadlock with another process.
      if (!(code.startsWith('SQLITE_BUSY') || code === 'P2034') || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
