import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { choice, label, text } from '../../messages';
import type { LoadedRequest } from '../pengajuan/loadRequest';
import { rolePhrase } from '../pengajuan/roleName';
import { offerAssignment } from '../penunjukan/offerAssignment';
import { issueAssignmentLetter } from '../surat/voluntaryLetters';
import { issueInvolvementAnswer, issueTeamDecree } from '../surat/involvementLetters';
import { involvementDetails, involvementOfRequest } from './involvementWorkflow';
import { lockRequest } from '../pengajuan/lockRequest';

export const PELIBATAN_FLOW_ID = 'permohonan-pelibatan';

/** A step of a WF-2 chain was approved and the next one is waiting: the requesting head is told. */
export function involvementAdvanced(ctx: FlowContext, request: LoadedRequest, step: { performer: string }, next: { performer: string; assignee: { name: string } }): void {
  ctx.notify(request.assignerId!, text('pelibatan.disetujuiLangkah', {
    nomor: request.number, nama: ctx.actor.name, peran: rolePhrase(step.performer), pegawai: request.pegawai.name,
    peranBerikutnya: rolePhrase(next.performer), berikutnya: next.assignee.name,
  }));
}

/** Who may issue a Lamandau SK Tim Kerja: the requesting head and the owner unit's Kepala PD. */
export async function decreeIssuers(ctx: FlowContext, request: { assignerId: string | null; timId: string | null }): Promise<string[]> {
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId! }, include: { ownerUnit: { include: { perangkatDaerah: true } } } });
  return [...new Set([request.assignerId!, ...(tim.ownerUnit.perangkatDaerah.kepalaId ? [tim.ownerUnit.perangkatDaerah.kepalaId] : [])])];
}

/** The SK Tim Kerja button as its issuer receives it. */
export function decreeOffer(request: { id: string; number: number; pegawai: { name: string }; tim: { name: string } | null }, citation: string, owner: string) {
  return choice('pelibatan.tetapkanSk', [[{
    label: label('pelibatan.tombolSk'), action: 'tetapkanSk', args: { penugasanId: request.id }, style: 'primary',
    scope: 'action', flowId: PELIBATAN_FLOW_ID, allowed: [owner],
  }]], { nomor: request.number, pegawai: request.pegawai.name, tim: request.tim?.name ?? '-', citation });
}

/**
 * The last step approved: the surat penugasan is issued by its signer to the official, the
 * requesting head and the tembusan. Where the profile sets the team by Surat Keputusan (Lamandau),
 * the requesting head issues it before the official is asked to accept; elsewhere the official
 * is asked now.
 */
export async function involvementApproved(ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity, answered = false): Promise<void> {
  const chain = involvementOfRequest(request);
  const requester = request.assignerId!;
  // `answered`: a unit's written answer already named this official with the others it nominated.
  if (chain.jawabanTertulis && !answered) await issueInvolvementAnswer(ctx, request, capacity, { approved: true });
  await issueAssignmentLetter(ctx, request, capacity, chain.document, [requester]);
  const shown = { nomor: request.number, pegawai: request.pegawai.name, tim: request.tim!.name };
  if (chain.skTimKerja) {
    for (const owner of await decreeIssuers(ctx, request)) ctx.notify(owner, decreeOffer(request, chain.skTimKerja.citation, owner));
    return;
  }
  ctx.notify(requester, text('pelibatan.disetujuiAkhir', shown));
  offerAssignment(ctx, request, { pemberi: ctx.actor.name, tim: request.tim!.name, ekspektasi: involvementDetails(request.details).ekspektasi, citation: chain.citation, teamEnd: request.tim!.endsOn });
}

/** A refusal goes back to the requesting head, in writing where the request was by letter. */
export async function involvementRejected(ctx: FlowContext, request: LoadedRequest, step: { performer: string }, capacity: ApproverCapacity, reason: string): Promise<void> {
  ctx.notify(request.assignerId!, text('pelibatan.ditolak', { nomor: request.number, nama: ctx.actor.name, peran: rolePhrase(step.performer), pegawai: request.pegawai.name, alasan: reason }));
  if (involvementOfRequest(request).kepada) await issueInvolvementAnswer(ctx, request, capacity, { approved: false, reason });
}

/**
 * Lamandau (002-LMD Lamp. II.C.a(3)): the owner sets the team by Surat Keputusan Tim Kerja; only
 * then is the official asked to accept. It is issued once.
 */
export async function decreeTeam(ctx: FlowContext, penugasanId: string): Promise<void> {
  const found = await ctx.tx.penugasan.findFirst({ where: { id: penugasanId, instansiId: ctx.actor.instansiId }, include: { tim: { include: { ownerUnit: { include: { perangkatDaerah: true } } } } } });
  // The SK is the owner's: the head who asked, or the owner's Kepala PD (002-LMD Lamp. II.C.a(3) "dan/atau").
  if (!found || (found.assignerId !== ctx.actor.id && found.tim?.ownerUnit.perangkatDaerah.kepalaId !== ctx.actor.id)) throw new Refused('WF-2', 'pelibatan.bukanPemilikSk');
  await lockRequest(ctx.tx, penugasanId, ctx.now);
  const request = await ctx.tx.penugasan.findUniqueOrThrow({ where: { id: penugasanId }, include: { tim: true } });
  if (request.status !== 'AWAITING_SK_TIM') {
    ctx.reply(text('pelibatan.skSudahTerbit', { nomor: request.number }));
    return;
  }
  const chain = involvementOfRequest(request);
  const surat = await issueTeamDecree(ctx, penugasanId);
  await ctx.tx.penugasan.update({ where: { id: penugasanId }, data: { status: 'ISSUED' } });
  offerAssignment(ctx, request, { pemberi: ctx.actor.name, tim: request.tim!.name, ekspektasi: involvementDetails(request.details).ekspektasi, citation: chain.skTimKerja!.citation, teamEnd: request.tim!.endsOn });
  ctx.audit({ action: 'pelibatan.skTimKerja', outcome: 'OK', rule: chain.skTimKerja!.citation, subject: `penugasan:${penugasanId}`, details: { nomor: surat.nomor } });
  ctx.reply(text('pelibatan.skTerbit', { nomor: request.number, surat: surat.nomor }));
}
