import type { Db } from '../../db/createDb';
import { activeDelegates } from '../auth/requireApprover';
import { onLeave } from '../domain/cuti/leave';
import { formatDate } from '../domain/formatTime';
import { zonedDate } from '../domain/zonedTime';
import { text } from '../messages';
import type { InstansiSchedule } from './instansiSchedules';
import { enqueueNewReminders } from './enqueueNewReminders';
import { inOfficeHours } from './workingHours';
import { rungSends, waitingRung } from './waitingRung';

/**
 * S2 for a request to a unit for a number of its officials: unanswered after N working days, its
 * answerer (or their Plh) is reminded; at 2N the answerer's superior is told. Never answered automatically.
 */
export async function sendUnitRequestReminders(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  // A request past its last day can no longer be answered: nobody is reminded of it.
  const requests = await db.permintaanPegawai.findMany({ where: { status: 'SUBMITTED', endsOn: { gt: now } } });
  let sent = 0;
  for (const request of requests) {
    const schedule = schedules.get(request.instansiId);
    if (!schedule || schedule.remindersPaused || !inOfficeHours(now, schedule)) continue;
    const { days, rung } = waitingRung(request.createdAt, now, schedule);
    if (rung === 0) continue;
    const decider = await db.pegawai.findUniqueOrThrow({ where: { id: request.deciderId }, include: { homeUnit: true } });
    const requester = await db.pegawai.findUniqueOrThrow({ where: { id: request.requesterId } });
    const tim = await db.timKerja.findUniqueOrThrow({ where: { id: request.timId } });
    const params = { nomor: request.number, nama: requester.name, jumlah: request.jumlah, tim: tim.name, sejak: formatDate(request.createdAt, schedule.timeZone), hari: days };
    // An answerer on leave is not reminded (their Plh is); their superior still hears at 2N.
    const away = await onLeave(db, [decider.id], zonedDate(now, schedule.timeZone));
    const reminded = [...(away.size ? [] : [decider.id]), ...(await activeDelegates(db, decider.id, request.performer, now, [request.requesterId]))];
    const sends = rungSends({
      key: `pengingat-permintaan:${request.id}`, rung, reminded, reminder: text('pengingat.permintaan', params),
      holder: decider, toSuperior: text('pengingat.permintaanAtasan', { ...params, penyetuju: decider.name }),
    });
    sent += await enqueueNewReminders(db, sends, now);
  }
  return sent;
}
