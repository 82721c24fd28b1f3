import type { FlowContext } from '../../engine/defineFlow';
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
export async function reportOverview(ctx: FlowContext): Promise<{ text: string; teams: Array<{ id: string; name: string }> }> {
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  const teams = ownUnitFirst(await teamsToReportTo(ctx), ctx.actor.homeUnitId);
  const sections: string[] = [];
  for (const tim of teams) {
    const period = weeklyPeriod(ctx.now, ctx.actor.timeZone, parseCadence(tim.reportCadence));
    const laporan = await ctx.tx.laporan.findFirst({ where: { authorId: ctx.actor.id, timId: tim.id, kind: 'KEMAJUAN_ANGGOTA', periodStart: period.periodStart } });
    const state = !laporan ? 'BELUM' : laporan.status === 'DRAFT' ? 'DRAF' : laporan.status === 'REVISION_REQUESTED' ? 'REVISI' : 'TERKIRIM';
    sections.push(t(ctx.actor.locale, 'laporan.bagianTim', {
      tim: `${tim.name}${priorityLabel(profile, ctx.actor.homeUnitId, tim.ownerUnitId, ctx.actor.locale)}`,
      status: t(ctx.actor.locale, `laporan.keadaan.${state}`), batas: formatDateTime(period.dueAt, ctx.actor.timeZone),
    }));
  }
  return { text: sections.join('\n\n'), teams: teams.map((tim) => ({ id: tim.id, name: tim.name })) };
}
