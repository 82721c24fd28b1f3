import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { getPolicyProfile } from '../../policy/policyProfile';
import { mayRequest } from '../pelibatan/involvementParties';
import { lintasWorkflow } from './lintasStages';

/** Running teams whose owner unit (or its Perangkat Daerah) the actor heads in a role the profile's WF-3 names. */
export async function lintasTeams(ctx: FlowContext) {
  const workflow = getPolicyProfile(ctx.actor.policyProfile).penunjukan.LINTAS_INSTANSI;
  if (workflow.workflow !== 'WF-3') return [];
  const teams = await ctx.tx.timKerja.findMany({
    where: {
      instansiId: ctx.actor.instansiId, endsOn: { gt: ctx.now },
      OR: [{ ownerUnit: { headId: ctx.actor.id } }, { ownerUnit: { perangkatDaerah: { kepalaId: ctx.actor.id } } }],
    },
    include: { ownerUnit: { include: { perangkatDaerah: true } } }, orderBy: { name: 'asc' },
  });
  return teams.filter((tim) => mayRequest(workflow, ctx.actor.id, tim));
}

export async function lintasTeam(ctx: FlowContext, timId: string) {
  const tim = (await lintasTeams(ctx)).find((t) => t.id === timId);
  if (!tim) throw new Refused('WF-3', 'lintas.bukanPemohon', { citation: lintasWorkflow(getPolicyProfile(ctx.actor.policyProfile)).citation });
  return tim;
}

/** The other governments this deployment serves: their request arrives there as their own (inbound). */
export async function otherInstansi(ctx: FlowContext) {
  return ctx.tx.instansi.findMany({ where: { id: { not: ctx.actor.instansiId } }, orderBy: { name: 'asc' } });
}
