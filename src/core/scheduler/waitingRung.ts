import { randomUUID } from 'node:crypto';
import { workingDaysBetween } from '../calendar/workCalendar';
import { zonedDate } from '../domain/zonedTime';
import type { CoreMessage } from '../messages';
import type { PendingSend } from '../outbox/enqueue';
import type { InstansiSchedule } from './instansiSchedules';

/**
 * S2: how many working days something has waited for its holder, and the rung that reaches: 1 after
 * the instansi's N days (the holder is reminded), 2 after 2N (their superior is told too).
 */
export function waitingRung(since: Date, now: Date, schedule: InstansiSchedule): { days: number; rung: 0 | 1 | 2 } {
  const days = workingDaysBetween(zonedDate(since, schedule.timeZone), zonedDate(now, schedule.timeZone), schedule.calendar);
  const limit = schedule.settings.pengingatPersetujuanHariKerja;
  return { days, rung: days >= 2 * limit ? 2 : days >= limit ? 1 : 0 };
}

/**
 * One rung's messages under `key`: one to each reminded person, and at rung 2 one to the holder's
 * superior (their Penilai, else their unit's head) unless that is the holder. Keys repeat per rung,
 * so a tick queues each message once.
 */
export function rungSends(input: {
  key: string; rung: 1 | 2; reminded: string[]; reminder: CoreMessage;
  holder: { id: string; penilaiId: string | null; homeUnit: { headId: string | null } } | null; toSuperior: CoreMessage;
}): PendingSend[] {
  const sends: PendingSend[] = input.reminded.map((pegawaiId) => ({
    id: randomUUID(), idempotencyKey: `${input.key}:${input.rung}:${pegawaiId}`, to: { kind: 'pegawai', pegawaiId }, message: input.reminder,
  }));
  const superior = input.holder && (input.holder.penilaiId ?? input.holder.homeUnit.headId);
  if (input.rung === 2 && input.holder && superior && superior !== input.holder.id) {
    sends.push({ id: randomUUID(), idempotencyKey: `${input.key}:atasan:${superior}`, to: { kind: 'pegawai', pegawaiId: superior }, message: input.toSuperior });
  }
  return sends;
}
