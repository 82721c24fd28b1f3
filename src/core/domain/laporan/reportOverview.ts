import type { ReadContext } from '../../engine/defineFlow';
import { t } from '../../catalog/t';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDateTime } from '../formatTime';
import { ownUnitFirst, priorityLabel } from '../priority';
import { individualTaskName } from '../penunjukan/individualTaskName';
import { tasksToReportOn, teamsToReportTo } from './progressReport';
import { parseCadence, weeklyPeriod } from './reportPeriod';

/**
 * Issue 7 item 8: one prompt for an official in several teams, a section per team (own unit
 * first, rule P) with this period's state and due time. The scheduler's reminder uses it too.
 */
export async function reportOverview(ctx: ReadContext): Promise<{ text: string; teams: Array<{ id: string; name: string; kind: 'tim' | 'individu' }> }> {
  const states = await reportStates(ctx);
  const sections = states.map((entry) => t(ctx.actor.locale, 'laporan.bagianTim', {
    tim: `${entry.name}${entry.priority}`, status: t(ctx.actor.locale, `laporan.keadaan.${entry.state}`), batas: formatDateTime(entry.dueAt, ctx.actor.timeZone),
  }));
  return { text: sections.join('\n\n'), teams: states.map((entry) => ({ id: entry.id, name: entry.name, kind: entry.kind })) };
}

export type ReportState = 'BELUM' | 'DRAF' | 'REVISI' | 'TERKIRIM';

/**
 * This period's report of each team the actor reports to and each individual task (R2), own unit
 * first; `late` once due and not sent.
 */
export async function reportStates(ctx: ReadContext) {
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  const teams = (await teamsToReportTo(ctx)).map((tim) => ({
    kind: 'tim' as const, id: tim.id, name: tim.name, ownerUnitId: tim.ownerUnitId, cadence: tim.reportCadence, timeZone: tim.instansi.timeZone,
  }));
  const tasks = (await tasksToReportOn(ctx)).map((task) => ({
    kind: 'individu' as const, id: task.id, name: t(ctx.actor.locale, 'individu.judul', { tugas: individualTaskName(task.details) }), ownerUnitId: task.ownerUnitId, cadence: '',
    timeZone: ctx.actor.timeZone,
  }));
  const states: Array<{ kind: 'tim' | 'individu'; id: string; name: string; priority: string; state: ReportState; dueAt: Date; late: boolean }> = [];
  for (const item of ownUnitFirst([...teams, ...tasks], ctx.actor.homeUnitId)) {
    const period = weeklyPeriod(ctx.now, item.timeZone, parseCadence(item.cadence));
    const which = item.kind === 'tim' ? { timId: item.id, kind: 'KEMAJUAN_ANGGOTA' } : { penugasanId: item.id, kind: 'KEMAJUAN_INDIVIDU' };
    const laporan = await ctx.tx.laporan.findFirst({ where: { authorId: ctx.actor.id, ...which, periodStart: period.periodStart } });
    const state: ReportState = !laporan ? 'BELUM' : laporan.status === 'DRAFT' ? 'DRAF' : laporan.status === 'REVISION_REQUESTED' ? 'REVISI' : 'TERKIRIM';
    states.push({
      kind: item.kind, id: item.id, name: item.name, priority: priorityLabel(profile, ctx.actor.homeUnitId, item.ownerUnitId, ctx.actor.locale),
      state, dueAt: period.dueAt, late: state !== 'TERKIRIM' && ctx.now > period.dueAt,
    });
  }
  return states;
}
