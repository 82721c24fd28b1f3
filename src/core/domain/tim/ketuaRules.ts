import type { FlowContext } from '../../engine/defineFlow';
import { getPolicyProfile, type PolicyProfile } from '../../policy/policyProfile';

export type KetuaRule = PolicyProfile['ketuaTim'][number];

type Team = { ownerUnitId: string; ownerUnit: { headId: string | null; perangkatDaerahId: string; perangkatDaerah: { kepalaId: string | null } } };

/** The profile's rule for a kind of post, if such an official may be ketua tim at all. */
export function ketuaRuleFor(profileId: string, jenisJabatan: string): KetuaRule | undefined {
  return getPolicyProfile(profileId).ketuaTim.find((rule) => rule.jenisJabatan.includes(jenisJabatan as KetuaRule['jenisJabatan'][number]));
}

const MEMBER_KINDS = ['FUNGSIONAL', 'PELAKSANA'];

// [CONTEXT] the ladder of posts: nobody makes their superior or a peer the ketua of their team.
const RANK: Record<string, number> = { JPT_MADYA: 5, JPT_PRATAMA: 4, ADMINISTRATOR: 3, PENGAWAS: 2, FUNGSIONAL: 1, PELAKSANA: 1 };

type Actor = { id: string; jenisJabatan: string; homeUnitId: string };
type Candidate = { jenisJabatan: string; homeUnitId: string; homeUnit: { parentId: string | null } };

/**
 * Whether the actor designates this candidate ketua under the rule: as the owner's head or Kepala
 * PD, as the Kepala Daerah, or as an official of the kind the rule names, over a post below their
 * own (a structural candidate); an Administrator (Karanganyar Lamp. BAB II.A huruf c) only
 * within their own unit.
 */
export function designatesUnder(rule: KetuaRule, actor: Actor, tim: Team, kepalaDaerah: boolean, candidate: Candidate): boolean {
  if (rule.penunjuk === 'KEPALA_DAERAH') return kepalaDaerah;
  if (!MEMBER_KINDS.includes(candidate.jenisJabatan) && RANK[candidate.jenisJabatan]! >= RANK[actor.jenisJabatan]!) return false;
  if (rule.penunjuk === 'PIMPINAN_UO') return tim.ownerUnit.headId === actor.id || tim.ownerUnit.perangkatDaerah.kepalaId === actor.id;
  if (rule.penunjuk === 'ADMINISTRATOR' && candidate.homeUnitId !== actor.homeUnitId && candidate.homeUnit.parentId !== actor.homeUnitId) return false;
  return actor.jenisJabatan === rule.penunjuk;
}

/** The actor holds the Kepala Daerah role, and the profile gives that role a ketua to designate (Karanganyar: a JPT Pratama). */
export async function designatesAsKepalaDaerah(ctx: FlowContext): Promise<boolean> {
  if (!getPolicyProfile(ctx.actor.policyProfile).ketuaTim.some((rule) => rule.penunjuk === 'KEPALA_DAERAH')) return false;
  return (await ctx.tx.roleHolder.count({ where: { instansiId: ctx.actor.instansiId, role: 'KEPALA_DAERAH', pegawaiId: ctx.actor.id } })) > 0;
}

/**
 * Structural officials the profile lets be ketua (Magelang's pengawas, Lamandau's and Karanganyar's
 * JPT Pratama and Administrator) are not members of the team beforehand (C1): they are found in
 * the owner's Perangkat Daerah, "sesuai dengan bidang tugasnya".
 */
export async function structuralCandidates(ctx: FlowContext, tim: Team & { id: string }) {
  const rules = getPolicyProfile(ctx.actor.policyProfile).ketuaTim;
  const kinds = rules.flatMap((rule) => rule.jenisJabatan).filter((kind) => !MEMBER_KINDS.includes(kind));
  if (kinds.length === 0) return [];
  const people = await ctx.tx.pegawai.findMany({
    where: {
      instansiId: ctx.actor.instansiId, active: true, jenisJabatan: { in: kinds }, homeUnit: { perangkatDaerahId: tim.ownerUnit.perangkatDaerahId },
      memberships: { none: { timId: tim.id, status: 'ACTIVE' } },
    },
    include: { homeUnit: true, headOfUnits: { select: { unitType: true } } }, orderBy: { name: 'asc' },
  });
  // Magelang: a pengawas who heads a UPTD coordinates no team (Ps 8(3)).
  const excluded = (p: (typeof people)[number]) => new Set<string>(ketuaRuleFor(ctx.actor.policyProfile, p.jenisJabatan)?.kecualiKepala ?? []);
  return people.filter((p) => !p.headOfUnits.some((unit) => excluded(p).has(unit.unitType)));
}
