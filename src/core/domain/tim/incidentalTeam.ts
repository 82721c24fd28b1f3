import type { FlowContext } from '../../engine/defineFlow';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';

/**
 * Tulang Bawang Barat: a team formed from voluntary requests is a Tim Kerja Insidental. A RUTIN
 * team whose first anggota joins by a voluntary request is being formed that way (its ketua, if
 * designated already, does not count): it becomes INSIDENTAL, and the owner unit's head and the
 * ketua are told. A team with members from before keeps its kind.
 */
export async function typeTeamFormedByVolunteers(ctx: FlowContext, request: { id: string; mode: string; timId: string | null }): Promise<void> {
  const citation = getPolicyProfile(ctx.actor.policyProfile).timInsidental;
  if (!citation || request.mode !== 'PENGAJUAN_SUKARELA' || !request.timId) return;
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({
    where: { id: request.timId }, include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE' } } },
  });
  const others = tim.memberships.filter((m) => m.role === 'ANGGOTA' && m.penugasanId !== request.id);
  if (tim.jenis === 'INSIDENTAL' || others.length > 0) return;
  await ctx.tx.timKerja.update({ where: { id: tim.id }, data: { jenis: 'INSIDENTAL' } });
  const told = new Set([...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : []), ...tim.memberships.filter((m) => m.role === 'KETUA').map((m) => m.pegawaiId)]);
  for (const pegawaiId of told) ctx.notify(pegawaiId, text('tim.menjadiInsidental', { tim: tim.name, citation }));
  ctx.audit({ action: 'tim.insidental', outcome: 'OK', rule: citation, subject: `tim:${tim.id}`, details: { penugasanId: request.id } });
}
