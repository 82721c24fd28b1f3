import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import type { LoadedRequest } from '../pengajuan/loadRequest';
import { notifyStep } from '../pengajuan/notifyStep';
import { rolePhrase } from '../pengajuan/roleName';
import { issueAssignmentLetter } from '../surat/voluntaryLetters';
import { offerAssignment } from './offerAssignment';

/** The step of a proposal: the official's own Penilai issues it (or refuses, with a reason). */
export const USULAN_PERFORMER = 'PENILAI_DIUSULKAN';
export const PROPOSED = 'PROPOSED';

/** Whether designating this official is a proposal: the Penilai issues, and the designating unit head is not theirs. */
export function isProposal(profileId: string, actorId: string, official: { penilaiId: string | null }): boolean {
  const rule = getPolicyProfile(profileId).penunjukan.DALAM_UO;
  return !!rule.usulan && rule.issuer === 'PENILAI' && official.penilaiId !== actorId;
}

/** The official's active Penilai, who issues the proposal; refused (with whom to ask) when there is none. */
export async function issuingPenilai(ctx: FlowContext, official: { name: string; penilaiId: string | null }) {
  const penilai = official.penilaiId ? await ctx.tx.pegawai.findFirst({ where: { id: official.penilaiId, active: true } }) : null;
  if (!penilai) throw new Refused('WF-1', 'penunjukan.tanpaPenilai', { nama: official.name, citation: getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO.citation });
  return penilai;
}

/** What a WF-1 designation records besides its columns. */
export interface DesignationDetails { ekspektasi: string; citation: string; profile?: string }

/**
 * WF-1 "atas usulan Pimpinan Unit Organisasi" (Tulang Bawang Barat, AC-07): the unit head who does
 * not appraise the official proposes; the official's Penilai issues the surat penugasan or refuses.
 */
export async function proposeMember(
  ctx: FlowContext, input: { tim: { id: string; name: string; ownerUnitId: string }; assignee: { id: string; name: string; penilaiId: string | null }; ekspektasi: string; endsOn: Date },
): Promise<number> {
  const rule = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  const penilai = await issuingPenilai(ctx, input.assignee);
  if (!rule.usulan) throw new Refused('WF-1', 'penunjukan.bukanWewenang', { citation: rule.citation });
  const last = await ctx.tx.penugasan.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const details: DesignationDetails = { ekspektasi: input.ekspektasi, citation: rule.usulan.citation, profile: ctx.actor.policyProfile };
  const penugasan = await ctx.tx.penugasan.create({
    data: {
      instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, workflow: 'WF-1', mode: 'PENUNJUKAN', scope: 'DALAM_UO', status: PROPOSED,
      pegawaiId: input.assignee.id, assignerId: ctx.actor.id, timId: input.tim.id, ownerUnitId: input.tim.ownerUnitId, role: 'ANGGOTA', endsOn: input.endsOn,
      details: JSON.stringify(details), createdAt: ctx.now,
      steps: { create: [{ position: 0, kind: 'ISSUE', performer: USULAN_PERFORMER, assigneeId: penilai.id, citation: rule.usulan.citation, status: 'PENDING', pendingSince: ctx.now }] },
    },
    include: { steps: true },
  });
  await notifyStep(ctx, penugasan.id, penugasan.steps[0]!.id);
  ctx.audit({ action: 'penunjukan.usul', outcome: 'OK', rule: rule.usulan.citation, subject: `penugasan:${penugasan.id}`, details: { workflow: 'WF-1', pegawaiId: input.assignee.id, penilaiId: penilai.id } });
  ctx.reply(text('penunjukan.usulTerkirim', { nomor: penugasan.number, nama: input.assignee.name, tim: input.tim.name, penilai: penilai.name }));
  return penugasan.number;
}

/** The Penilai issued the proposal: the profile's letter goes to the official and the proposer, and the official is asked to accept. */
export async function proposalIssued(ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity): Promise<void> {
  const { document } = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  const details = JSON.parse(request.details) as DesignationDetails;
  await issueAssignmentLetter(ctx, request, capacity, document, [request.assignerId!]);
  ctx.notify(request.assignerId!, text('penunjukan.usulDiterbitkan', { nomor: request.number, pegawai: request.pegawai.name, tim: request.tim!.name, nama: ctx.actor.name }));
  offerAssignment(ctx, request, { pemberi: ctx.actor.name, tim: request.tim!.name, ekspektasi: details.ekspektasi, citation: details.citation, teamEnd: request.tim!.endsOn });
}

/** The Penilai refused the proposal: the proposer hears why; the official was never asked. */
export function proposalRejected(ctx: FlowContext, request: LoadedRequest, step: { performer: string }, reason: string): void {
  ctx.notify(request.assignerId!, text('penunjukan.usulDitolak', { nomor: request.number, pegawai: request.pegawai.name, nama: ctx.actor.name, peran: rolePhrase(step.performer), alasan: reason }));
}
