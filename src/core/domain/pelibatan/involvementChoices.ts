import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { getPolicyProfile } from '../../policy/policyProfile';
import { mayRequest } from './involvementParties';

const UNITS_SHOWN = 8;
const withOwner = { ownerUnit: { include: { perangkatDaerah: true } } } as const;

/** Running teams whose owner unit (or its Perangkat Daerah) the actor heads in a role some WF-2 chain names. */
export async function involvementTeams(ctx: FlowContext) {
  const { penunjukan } = getPolicyProfile(ctx.actor.policyProfile);
  const chains = [penunjukan.LINTAS_UO, ...(penunjukan.LINTAS_PD ? [penunjukan.LINTAS_PD] : [])];
  const teams = await ctx.tx.timKerja.findMany({
    where: {
      instansiId: ctx.actor.instansiId, endsOn: { gt: ctx.now },
      OR: [{ ownerUnit: { headId: ctx.actor.id } }, { ownerUnit: { perangkatDaerah: { kepalaId: ctx.actor.id } } }],
    },
    include: withOwner, orderBy: { name: 'asc' },
  });
  return teams.filter((tim) => chains.some((chain) => mayRequest(chain, ctx.actor.id, tim)));
}

export async function involvementTeam(ctx: FlowContext, timId: string) {
  const tim = (await involvementTeams(ctx)).find((t) => t.id === timId);
  if (!tim) throw new Refused('WF-2', 'pelibatan.bukanPemohon', { citation: getPolicyProfile(ctx.actor.policyProfile).penunjukan.LINTAS_UO.citation });
  return tim;
}

/** Units other than the team's owner whose name contains the query and that have someone to ask for. */
export async function unitsMatching(ctx: FlowContext, timId: string, query: string) {
  const tim = await involvementTeam(ctx, timId);
  const needle = query.trim().toLowerCase();
  const units = await ctx.tx.unitOrganisasi.findMany({
    where: { instansiId: ctx.actor.instansiId, id: { not: tim.ownerUnitId } }, include: { perangkatDaerah: true }, orderBy: { name: 'asc' },
  });
  // Matched in code: SQLite's LIKE and PostgreSQL's differ on case; a Pemda has hundreds of units, not millions.
  const matching = units.filter((u) => `${u.name} ${u.perangkatDaerah.name} ${u.code}`.toLowerCase().includes(needle));
  const withPeople = [];
  for (const unit of matching) {
    if ((await involvementCandidates(ctx, tim, unit.id)).length > 0) withPeople.push(unit);
    if (withPeople.length === UNITS_SHOWN) break;
  }
  return withPeople;
}

/**
 * Who may be asked for: active officials of the unit whose post the profile names (C1), not yet in
 * the team and not already on their way into it (a request still deciding, or a letter awaiting their Terima).
 */
export async function involvementCandidates(ctx: FlowContext, tim: { id: string }, unitId: string) {
  const { subjek } = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  return ctx.tx.pegawai.findMany({
    where: {
      instansiId: ctx.actor.instansiId, active: true, homeUnitId: unitId, jenisJabatan: { in: subjek.jenisJabatan }, id: { not: ctx.actor.id },
      memberships: { none: { timId: tim.id, status: 'ACTIVE' } },
      penugasan: { none: { timId: tim.id, OR: [{ status: { in: ['ISSUED', 'AWAITING_SK_TIM'] } }, { steps: { some: { status: 'PENDING' } } }] } },
    },
    include: { homeUnit: true }, orderBy: { name: 'asc' },
  });
}
