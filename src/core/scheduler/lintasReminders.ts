import type { Db } from '../../db/createDb';
import { formatDate } from '../domain/formatTime';
import { zonedDate } from '../domain/zonedTime';
import { inboundStageAt } from '../domain/lintasInstansi/inboundStages';
import { readInboundDetails, readLintasDetails } from '../domain/lintasInstansi/lintasDetails';
import { stageAt, stagesOf } from '../domain/lintasInstansi/lintasStages';
import { pybHolders, pybRecipients } from '../domain/lintasInstansi/pejabatBerwenang';
import { activeDelegates } from '../auth/requireApprover';
import { onLeave } from '../domain/cuti/leave';
import { text } from '../messages';
import type { InstansiSchedule } from './instansiSchedules';
import { enqueueNewReminders } from './enqueueNewReminders';
import { inOfficeHours } from './workingHours';
import { rungSends, waitingRung } from './waitingRung';

/** The PyB to remind: every holder but the request's own head, and whoever stands in for them; the first such holder answers for the wait. */
async function pybWaiting(db: Db, instansiId: string, now: Date, parties: string[]) {
  const principal = (await pybHolders(db, instansiId)).find((holder) => !parties.includes(holder.id))?.id;
  return { holders: await pybRecipients(db, instansiId, now, parties), principal };
}

/** Who must act on a WF-3 request now, here: the PyB (or their Plh), the unit head our PyB named, or the owner for an SK; nobody while it waits outside. */
async function holdersNow(db: Db, request: { id: string; instansiId: string; direction: string; status: string; requesterId: string | null; details: string }, settings: string, now: Date) {
  if (request.direction === 'KELUAR') {
    const stage = stageAt(stagesOf(readLintasDetails(request.details).profile, settings), request.status);
    if (stage?.kind === 'PUTUSAN' || stage?.kind === 'TERUSKAN') return pybWaiting(db, request.instansiId, now, [request.requesterId!]);
    if (stage?.kind === 'SK_TIM') return { holders: [request.requesterId!], principal: request.requesterId! };
    return null;
  }
  const details = readInboundDetails(request.details);
  const stage = inboundStageAt(details.profile, settings, request.status);
  if (!stage) return null;
  if (stage.performer === 'PYB') return pybWaiting(db, request.instansiId, now, []);
  const head = details.unitId ? (await db.unitOrganisasi.findUnique({ where: { id: details.unitId } }))?.headId : null;
  return head ? { holders: [head, ...(await activeDelegates(db, head, 'DITUJU_PIMPINAN_UO', now, []))], principal: head } : null;
}

/**
 * S2 for requests across governments: a stage our own officials hold reminds them after N working
 * days, and at 2N their superior is told. Stages that wait for the other government remind nobody.
 */
export async function sendLintasReminders(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  const requests = await db.pelibatanLintasInstansi.findMany({ include: { instansi: true, events: { orderBy: { createdAt: 'desc' }, take: 1 }, _count: { select: { events: true } } } });
  let sent = 0;
  for (const request of requests) {
    const schedule = schedules.get(request.instansiId);
    if (!schedule || schedule.remindersPaused || !inOfficeHours(now, schedule)) continue;
    const since = request.events[0]?.createdAt ?? request.createdAt;
    const { days, rung } = waitingRung(since, now, schedule);
    if (rung === 0) continue;
    const waiting = await holdersNow(db, request, request.instansi.settings, now);
    if (!waiting) continue;
    // Someone on leave is not reminded (whoever stands in for them is); their superior still hears at 2N.
    const away = await onLeave(db, waiting.holders, zonedDate(now, schedule.timeZone));
    const reminded = waiting.holders.filter((id) => !away.has(id));
    // The step count keys the reminders: a request sent back to a stage is a new wait.
    const key = `pengingat-lintas:${request.id}:${request._count.events}`;
    const params = { nomor: request.number, instansi: request.targetName, sejak: formatDate(since, schedule.timeZone), hari: days };
    const principal = waiting.principal ? await db.pegawai.findUnique({ where: { id: waiting.principal }, include: { homeUnit: true } }) : null;
    const sends = rungSends({
      key, rung, reminded, reminder: text('pengingat.lintas', params),
      holder: principal, toSuperior: text('pengingat.lintasAtasan', { ...params, penyetuju: principal?.name ?? '-' }),
    });
    sent += await enqueueNewReminders(db, sends, now);
  }
  return sent;
}
