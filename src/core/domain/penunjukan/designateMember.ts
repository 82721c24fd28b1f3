import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { loadRequest } from '../pengajuan/loadRequest';
import { offerAssignment } from './offerAssignment';
import { isProposal, proposeMember } from './proposeMember';
import { issueAssignmentLetter } from '../surat/voluntaryLetters';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';

/** WF-1: the running teams of the unit the actor may designate members into, per the profile's issuer. */
export async function designationTeams(ctx: FlowContext) {
  const { issuer, usulan } = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  // Where the Penilai issues on the unit head's proposal, the head designates too: as a proposal.
  const asHead = issuer !== 'PENILAI' || usulan ? [{ ownerUnit: { headId: ctx.actor.id } }] : [];
  // A Penilai designates within their own unit, among the officials they appraise.
  const asPenilai = issuer !== 'PIMPINAN_UO' && (await ctx.tx.pegawai.count({ where: { penilaiId: ctx.actor.id, active: true } })) > 0
    ? [{ ownerUnitId: ctx.actor.homeUnitId }] : [];
  if (asHead.length + asPenilai.length === 0) return [];
  return ctx.tx.timKerja.findMany({
    where: { instansiId: ctx.actor.instansiId, endsOn: { gte: ctx.now }, OR: [...asHead, ...asPenilai] },
    include: { ownerUnit: true }, orderBy: { name: 'asc' },
  });
}

/**
 * Who may be designated into a team: an active official of the owner unit whose kind of post the
 * profile names (C1: Pejabat Fungsional and Pelaksana; Karanganyar also a Pengawas), not in it
 * yet (WF-1 "dalam Unit Organisasi"); a Penilai only among those they appraise.
 */
export async function designationCandidates(ctx: FlowContext, timId: string) {
  const tim = (await designationTeams(ctx)).find((t) => t.id === timId);
  if (!tim) throw new Refused('WF-1', 'penunjukan.bukanWewenang', { citation: getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO.citation });
  const asHead = tim.ownerUnit.headId === ctx.actor.id;
  const { subjek } = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  const people = await ctx.tx.pegawai.findMany({
    where: {
      instansiId: ctx.actor.instansiId, active: true, homeUnitId: tim.ownerUnitId, jenisJabatan: { in: subjek.jenisJabatan }, id: { not: ctx.actor.id },
      ...(asHead ? {} : { penilaiId: ctx.actor.id }), memberships: { none: { timId, status: 'ACTIVE' } },
    },
    orderBy: { name: 'asc' },
  });
  return { tim, people };
}

/**
 * WF-1 T2: the designation is issued with its letter (the profile's document) and waits for the
 * assignee's "Terima" (T3) before it is active; a keberatan goes back to the issuer (S4). Where the
 * Penilai issues and the unit head designating is not the official's Penilai, it is a proposal.
 */
export async function designateMember(ctx: FlowContext, input: { timId: string; pegawaiId: string; ekspektasi: string; selesai?: string }): Promise<number> {
  const { tim, people } = await designationCandidates(ctx, input.timId);
  const assignee = people.find((p) => p.id === input.pegawaiId);
  const rule = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  if (!assignee) throw new Refused('C1', 'penunjukan.bukanKandidat', { citation: rule.subjek.citation });
  // C2: the period ends on its last day (like the team's, the start of that day), at the latest the team's.
  const endsOn = input.selesai ? zonedMidnight(input.selesai, ctx.actor.timeZone) : tim.endsOn;
  if (!(endsOn > ctx.now && endsOn <= tim.endsOn)) throw new Refused('C2', 'penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, ctx.actor.timeZone) });
  if (isProposal(ctx.actor.policyProfile, ctx.actor.id, assignee)) return proposeMember(ctx, { tim, assignee, ekspektasi: input.ekspektasi, endsOn });
  const last = await ctx.tx.penugasan.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const penugasan = await ctx.tx.penugasan.create({
    data: {
      instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, workflow: 'WF-1', mode: 'PENUNJUKAN', scope: 'DALAM_UO', status: 'ISSUED',
      pegawaiId: assignee.id, assignerId: ctx.actor.id, timId: tim.id, ownerUnitId: tim.ownerUnitId, role: 'ANGGOTA', endsOn,
      details: JSON.stringify({ ekspektasi: input.ekspektasi, citation: rule.citation }), createdAt: ctx.now,
    },
  });
  await issueAssignmentLetter(ctx, await loadRequest(ctx.tx, penugasan.id), { onBehalfOf: null }, rule.document);
  offerAssignment(ctx, penugasan, { pemberi: ctx.actor.name, tim: tim.name, ekspektasi: input.ekspektasi, citation: rule.citation, teamEnd: tim.endsOn });
  ctx.audit({ action: 'penunjukan.terbit', outcome: 'OK', rule: rule.citation, subject: `penugasan:${penugasan.id}`, details: { workflow: 'WF-1', pegawaiId: assignee.id } });
  ctx.reply(text('penunjukan.terkirim', { nomor: penugasan.number, nama: assignee.name, tim: tim.name }));
  return penugasan.number;
}
