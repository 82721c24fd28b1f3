import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { loadRequest } from './loadRequest';
import { individualReportRecipients } from '../laporan/individualReportRecipients';
import { individualTaskName } from '../penunjukan/individualTaskName';
import { taskSubject, teamSubject } from '../workSubject';
import { typeTeamFormedByVolunteers } from '../tim/incidentalTeam';
import { joinedAcrossInstansi } from '../lintasInstansi/joinedAcross';

export type AcceptanceCheck = { status: 'open'; request: Awaited<ReturnType<typeof loadRequest>> } | { status: 'done' };

/** A request approved at every step, awaiting its applicant's answer (issue 6 item 10). */
export async function openAcceptance(ctx: FlowContext, penugasanId: string): Promise<AcceptanceCheck> {
  const request = await ctx.tx.penugasan.findFirst({ where: { id: penugasanId, instansiId: ctx.actor.instansiId } });
  if (!request || request.pegawaiId !== ctx.actor.id) throw new Refused('C7', 'pengajuan.bukanPemohon');
  const full = await loadRequest(ctx.tx, penugasanId);
  // AWAITING_SK_TIM (Lamandau): the owner's Surat Keputusan comes before the member accepts.
  // A recommendation against (ADVISED_AGAINST) does not hold the request back: the decision after it did.
  if (!full.steps.every((s) => s.status === 'APPROVED' || s.status === 'ADVISED_AGAINST') || ['ACTIVE', 'OBJECTED', 'AWAITING_SK_TIM'].includes(full.status)) return { status: 'done' };
  return { status: 'open', request: full };
}

/**
 * The applicant accepts ("Terima"): only now is the membership active. The ketua tim and the
 * owner unit's head are told of the new member (S12).
 */
export async function acceptAssignment(ctx: FlowContext, penugasanId: string): Promise<void> {
  const check = await openAcceptance(ctx, penugasanId);
  if (check.status === 'done') {
    ctx.reply(text('pengajuan.sudahDijawab'));
    return;
  }
  const { request } = check;
  if (request.role === 'INDIVIDU') return acceptIndividualTask(ctx, request);
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId! }, include: { ownerUnit: true, memberships: { where: { role: 'KETUA', status: 'ACTIVE' } } } });
  // One seat per team: a second assignment to a team the official already sits in (e.g. asked for twice) is not taken over.
  const seat = await ctx.tx.membership.findFirst({
    where: { timId: tim.id, pegawaiId: ctx.actor.id, role: { in: ['KETUA', 'ANGGOTA'] }, status: 'ACTIVE', OR: [{ penugasanId: null }, { penugasanId: { not: penugasanId } }] },
  });
  if (seat) throw new Refused('C2', 'pengajuan.sudahAnggotaTawaran', { tim: tim.name, unit: tim.ownerUnit.name, nomor: request.number });
  // A designation names its own last day (C2); a volunteer's runs to the team's end.
  const endsOn = request.endsOn ?? tim.endsOn;
  await ctx.tx.membership.upsert({
    where: { timId_pegawaiId_role: { timId: tim.id, pegawaiId: ctx.actor.id, role: 'ANGGOTA' } },
    create: { timId: tim.id, pegawaiId: ctx.actor.id, role: 'ANGGOTA', startsOn: ctx.now, endsOn, status: 'ACTIVE', penugasanId },
    update: { status: 'ACTIVE', startsOn: ctx.now, endsOn, penugasanId },
  });
  await ctx.tx.penugasan.update({ where: { id: penugasanId }, data: { status: 'ACTIVE', startsOn: ctx.now, endsOn } });
  await typeTeamFormedByVolunteers(ctx, request);
  const told = new Set([...tim.memberships.map((m) => m.pegawaiId), ...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : [])]);
  const news = request.scope === 'LINTAS_INSTANSI'
    ? await joinedAcrossInstansi(ctx, request, tim.name)
    : text('pengajuan.anggotaBaru', { nama: ctx.actor.name, jabatan: ctx.actor.jabatan, tim: tim.name, nomor: request.number });
  for (const pegawaiId of told) ctx.notify(pegawaiId, news);
  ctx.audit({ action: 'penugasan.terima', outcome: 'OK', subject: `penugasan:${penugasanId}`, rule: 'C2' });
  ctx.reply(text('pengajuan.diterima', { tim: tim.name }));
}

/** An individual task (no team) becomes active; its issuer is told, and the assignee learns whom to report to (R2). */
async function acceptIndividualTask(ctx: FlowContext, request: Awaited<ReturnType<typeof loadRequest>>): Promise<void> {
  await ctx.tx.penugasan.update({ where: { id: request.id }, data: { status: 'ACTIVE' } });
  const tugas = individualTaskName(request.details);
  if (request.assignerId) ctx.notify(request.assignerId, text('individu.diterimaPemberi', { nama: ctx.actor.name, nomor: request.number, tugas }));
  const assignee = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: ctx.actor.id }, include: { homeUnit: true } });
  const owner = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: request.ownerUnitId } });
  const recipients = await individualReportRecipients(ctx.tx, ctx.actor.policyProfile, assignee, owner.headId);
  ctx.audit({ action: 'penugasan.terima', outcome: 'OK', subject: `penugasan:${request.id}`, rule: 'C2' });
  ctx.reply(text('individu.diterima', { penerima: recipients.map((r) => r.name).join(', ') || '-' }));
}

/** S4: instead of refusing, the applicant raises a keberatan, routed to whoever made the last decision. */
export async function objectToAssignment(ctx: FlowContext, penugasanId: string, reason: string): Promise<void> {
  const check = await openAcceptance(ctx, penugasanId);
  if (check.status === 'done') {
    ctx.reply(text('pengajuan.sudahDijawab'));
    return;
  }
  const { request } = check;
  // A volunteer's objection goes to the last approver; a designee's to whoever designated them.
  const issuer = request.steps.at(-1)?.decidedById ?? request.assignerId;
  await ctx.tx.penugasan.update({ where: { id: penugasanId }, data: { status: 'OBJECTED' } });
  const subjek = request.tim ? teamSubject(request.tim.name) : taskSubject(request.details);
  if (issuer) ctx.notify(issuer, text('pengajuan.keberatanMasuk', { nama: ctx.actor.name, nomor: request.number, subjek, alasan: reason }));
  ctx.audit({ action: 'penugasan.keberatan', outcome: 'OK', subject: `penugasan:${penugasanId}`, rule: 'S4' });
  ctx.reply(text('pengajuan.keberatanTerkirim'));
}
