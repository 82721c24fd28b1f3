import type { FlowContext } from '../../engine/defineFlow';
import { getPolicyProfile, type PolicyProfile } from '../../policy/policyProfile';

export type KetuaRule = PolicyProfile['ketuaTim'][number];

type Team = { ownerUnitId: string; ownerUnit: { headId: string | null; perangkatDaerahId: string; perangkatDaerah: { kepalaId: string | null } } };

/** The profile's rule for a kind of post, if such an official may be ketua tim at all. */
export function ketuaRuleFor(profileId: string, jenisJabatan: string): KetuaRule | undefined {
  return getPolicyProfile(profileId).ketuaTim.find((rule) => rule.jenisJabatan.includes(jenisJabatan as KetuaRule['jenisJabatan'][number]));
}

/** Whether the actor designates a ketua under this rule for this team. */
export function designatesUnder(rule: KetuaRule, actor: { id: string; jenisJabatan: string }, tim: Team, kepalaDaerah: boolean): boolean {
  if (rule.penunjuk === 'PIMPINAN_UO') return tim.ownerUnit.headId === actor.id || tim.ownerUnit.perangkatDaerah.kepalaId === actor.id;
  if (rule.penunjuk === 'KEPALA_DAERAH') return kepalaDaerah;
  return actor.jenisJabatan === rule.penunjuk;
}

/** The actor holds the Kepala Daerah role, and the profile gives that role a ketua to designate (Karanganyar: a JPT Pratama). */
export async function designatesAsKepalaDaerah(ctx: FlowContext): Promise<boolean> {
  if (!getPolicyProfile(ctx.actor.policyProfile).ketuaTim.some((rule) => rule.penunjuk === 'KEPALA_DAERAH')) return false;
  return (await ctx.tx.roleHolder.count({ where: { instansiId: ctx.actor.instansiId, role: 'KEPALA_DAERAH', pegawaiId: ctx.actor.id } })) > 0;
}

const MEMBER_KINDS = ['FUNGSIONAL', 'PELAKSANA'];

/**
 * Structural officials the profile lets be ketua (Magelang's pengawas, Lamandau's and Karanganyar's
 * JPT Pratama and Administrator) are not members of the team beforehand (C1): they are found in
 * the owner's Perangkat Daerah, "sesuai dengan bidang tugasnya".
 */
export async function structuralCandidates(ctx: FlowContext, tim: Team & { id: string }) {
  const kinds = getPolicyProfile(ctx.actor.policyProfile).ketuaTim.flatMap((rule) => rule.jenisJabatan).filter((kind) => !MEMBER_KINDS.includes(kind));
  if (kinds.length === 0) return [];
  return ctx.tx.pegawai.findMany({
    where: {
      instansiId: ctx.actor.instansiId, active: true, jenisJabatan: { in: kinds }, homeUnit: { perangkatDaerahId: tim.ownerUnit.perangkatDaerahId },
      memberships: { none: { timId: tim.id, status: 'ACTIVE' } },
    },
    include: { homeUnit: true }, orderBy: { name: 'asc' },
  });
}
