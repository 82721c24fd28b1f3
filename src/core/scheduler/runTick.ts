import type { Db } from '../../db/createDb';
import type { Logger } from '../ports';
import { sendApprovalReminders } from './approvalReminders';
import { sendLintasReminders } from './lintasReminders';
import { sendUnitRequestReminders } from './unitRequestReminders';
import { warnAboutCalendar } from './calendarWarning';
import { loadInstansiSchedules } from './instansiSchedules';
import { sendDueReportReminders, type FanOutOptions } from './reportReminders';
import { sendRequestedReportReminders } from './requestedReportReminders';
import { sendDueSnoozes } from './snoozes';
import { sendWeeklyDigests } from './weeklyDigests';
import { closeEndedTasks } from './endedTasks';

export type TickResult = Record<'laporan' | 'tunda' | 'persetujuan' | 'diminta' | 'ringkasan' | 'kalender' | 'selesai', number>;

/**
 * One scheduler tick (issue 8 item 1): the database says what is due now; every send carries a
 * unique key and a record of what was handled, so running it again, late, or in two processes at
 * once sends nothing twice. A job that fails is logged and tried again at the next tick; the
 * others still run.
 */
export async function runTick(db: Db, now: Date, logger: Logger, options: FanOutOptions = {}): Promise<TickResult> {
  const schedules = await loadInstansiSchedules(db);
  const jobs: Array<[keyof TickResult, () => Promise<number>]> = [
    ['laporan', () => sendDueReportReminders(db, now, schedules, options)],
    ['tunda', () => sendDueSnoozes(db, now, schedules)],
    ['persetujuan', async () => (await sendApprovalReminders(db, now, schedules)) + (await sendUnitRequestReminders(db, now, schedules)) + (await sendLintasReminders(db, now, schedules))],
    ['diminta', () => sendRequestedReportReminders(db, now, schedules)],
    ['ringkasan', () => sendWeeklyDigests(db, now, schedules)],
    ['kalender', () => warnAboutCalendar(db, now, schedules)],
    ['selesai', () => closeEndedTasks(db, now, schedules)],
  ];
  const result = { laporan: 0, tunda: 0, persetujuan: 0, diminta: 0, ringkasan: 0, kalender: 0, selesai: 0 };
  for (const [name, job] of jobs) {
    try {
      result[name] = await job();
    } catch (error) {
      logger.error({ job: name, code: (error as { code?: string }).code ?? (error as Error).name }, 'scheduler job failed');
    }
  }
  return result;
}
