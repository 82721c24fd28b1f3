import { z } from 'zod';
import { HariSchema } from '../enums';
import { zonedDate, zonedMidnight } from '../zonedTime';
import { addDays } from '../../calendar/workCalendar';

/** A team's reporting cadence ("perjanjian tim kerja", LMD Lamp. II.B(6)); weekly is the product default. */
export const ReportCadenceSchema = z.object({
  irama: z.literal('MINGGUAN').default('MINGGUAN'),
  hari: HariSchema.default('JUMAT'),
  jam: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('15:00'),
  /**
   * The reminder ladder, in hours from the due time ([SILENT] in every regulation; product
   * default: the day before, two hours before, and one hour late, while the report can still be
   * sent in its period). Its length caps the reminders.
   */
  pengingat: z.array(z.number().int().min(-168).max(168)).max(5).default([-24, -2, 1]),
});
export type ReportCadence = z.infer<typeof ReportCadenceSchema>;

export interface ReportPeriod {
  periodStart: Date;
  /** The period closes here: after it the report can no longer be edited. */
  periodEnd: Date;
  dueAt: Date;
}

const DAY_INDEX = { SENIN: 0, SELASA: 1, RABU: 2, KAMIS: 3, JUMAT: 4 } as const;


/** The week (Monday to Monday, in the instansi's zone) that `now` falls in, and its due time. */
export function weeklyPeriod(now: Date, timeZone: string, cadence: Pick<ReportCadence, 'hari' | 'jam'> & Partial<ReportCadence>): ReportPeriod {
  const today = zonedDate(now, timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(today, -weekday);
  const [hours, minutes] = cadence.jam.split(':').map(Number) as [number, number];
  const dueDay = zonedMidnight(addDays(monday, DAY_INDEX[cadence.hari]), timeZone);
  return {
    periodStart: zonedMidnight(monday, timeZone),
    periodEnd: zonedMidnight(addDays(monday, 7), timeZone),
    dueAt: new Date(dueDay.getTime() + (hours * 60 + minutes) * 60_000),
  };
}

export function parseCadence(json: string): ReportCadence {
  const parsed = ReportCadenceSchema.safeParse(JSON.parse(json || '{}'));
  return parsed.success ? parsed.data : ReportCadenceSchema.parse({});
}
