import type { Db } from '../../db/createDb';
import { activeDelegates } from '../auth/requireApprover';
import { requestParties } from '../domain/pengajuan/notifyStep';
import { formatDate } from '../domain/formatTime';
import { zonedDate } from '../domain/zonedTime';
import { text } from '../messages';
import type { InstansiSchedule } from './instansiSchedules';
import { enqueueNewReminders } from './enqueueNewReminders';
import { onLeave } from '../domain/cuti/leave';
import { inOfficeHours } from './workingHours';
import { rungSends, waitingRung } from './waitingRung';

/**
 * S2: a step that waits N working days reminds its approver (and their delegates); at 2N the
 * approver's superior is told, as information. Nothing is ever approved automatically.
 */
export async function sendApprovalReminders(db: Db, now: Date, schedules: Map<string, InstansiSchedule>): Promise<number> {
  const steps = await db.approvalStep.findMany({
    where: { status: 'PENDING' },
    include: { assignee: { include: { homeUnit: true } }, penugasan: { include: { pegawai: true, assigner: true, tim: true } } },
  });
  let sent = 0;
  for (const step of steps) {
    const schedule = schedules.get(step.penugasan.instansiId);
    if (!schedule || schedule.remindersPaused || !inOfficeHours(now, schedule)) continue;
    const since = step.pendingSince ?? step.createdAt;
    const { days, rung } = waitingRung(since, now, schedule);
    if (rung === 0) continue;
    const params = {
      // A designation (WF-2, a WF-1 proposal) comes from the head who asked, not from the official it names.
      nomor: step.penugasan.number, nama: (step.penugasan.mode === 'PENUNJUKAN' ? step.penugasan.assigner : null)?.name ?? step.penugasan.pegawai.name, tim: step.penugasan.tim?.name ?? '-',
      sejak: formatDate(since, schedule.timeZone), hari: days,
    };
    // An approver on leave is not reminded (their delegates are); their superior still hears at 2N.
    const away = await onLeave(db, [step.assigneeId], zonedDate(now, schedule.timeZone));
    const approvers = [...(away.size ? [] : [step.assigneeId]), ...(await activeDelegates(db, step.assigneeId, step.performer, now, requestParties(step.penugasan)))];
    const sends = rungSends({
      key: `pengingat-persetujuan:${step.id}`, rung, reminded: approvers, reminder: text('pengingat.persetujuan', params),
      holder: step.assignee, toSuperior: text('pengingat.persetujuanAtasan', { ...params, penyetuju: step.assignee.name }),
    });
    sent += await enqueueNewReminders(db, sends, now);
  }
  return sent;
}
