import type { ReadContext } from '../../engine/defineFlow';
import { t } from '../../catalog/t';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDateTime } from '../formatTime';
import { ownUnitFirst, priorityLabel } from '../priority';
import { teamsToReportTo } from './progressReport';
import { parseCadence, weeklyPeriod } from './reportPeriod';

/**
 * Issue 7 item 8: one prompt for an official in several teams, a section per team (own unit
 * first, rule P) with this period's state and due time. The scheduler's reminder uses it too.
 */
export async function reportOverview(ctx: ReadContext): Promise<{ text: string; teams: Array<{ id: string; name: string }> }> {
  const states = await reportStates(ctx);
  const sections = states.map((entry) => t(ctx.actor.locale, 'laporan.bagianTim', {
    tim: `${entry.name}${entry.priority}`, status: t(ctx.actor.locale, `laporan.keadaan.${entry.state}`), batas: formatDateTime(entry.dueAt, ctx.actor.timeZone),
  }));
  return { text: sections.join('\n\n'), teams: states.map((entry) => ({ id: entry.id, name: entry.name })) };
}

export type ReportState = 'BELUM' | 'DRAF' | 'REVISI' | 'TERKIRIM';

/** This period's report of each team the actor reports to, own unit first; `late` once due and not sent. */
export async function reportStates(ctx: ReadContext) {
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  const teams = ownUnitFirst(await teamsToReportTo(ctx), ctx.actor.homeUnitId);
  const states: Array<{ id: string; name: string; priority: string; state: ReportState; dueAt: Date; late: boolean }> = [];
  for (const tim of teams) {
    const period = weeklyPeriod(ctx.now, ctx.actor.timeZone, parseCadence(tim.reportCadence));
    const laporan = await ctx.tx.laporan.findFirst({ where: { authorId: ctx.actor.id, timId: tim.id, kind: 'KEMAJUAN_ANGGOTA', periodStart: period.periodStart } });
    const state: ReportState = !laporan ? 'BELUM' : laporan.status === 'DRAFT' ? 'DRAF' : laporan.status === 'REVISION_REQUESTED' ? 'REVISI' : 'TERKIRIM';
    states.push({
      id: tim.id, name: tim.name, priority: priorityLabel(profile, ctx.actor.homeUnitId, tim.ownerUnitId, ctx.actor.locale),
      state, dueAt: period.dueAt, late: state !== 'TERKIRIM' && ctx.now > period.dueAt,
    });
  }
  return states;
}
