import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { joinParams, nested, type Param } from '../../catalog/t';
import { text } from '../../messages';
import { formatDate } from '../formatTime';
import { decisionParams } from '../pengajuan/stepDecisions';
import type { Lingkup } from '../enums';
import { loadRequest } from '../pengajuan/loadRequest';
import { notifyStep } from '../pengajuan/notifyStep';
import { rolePhrase } from '../pengajuan/roleName';
import { chainOfRequest } from '../pengajuan/requestChain';
import { involvementApproved } from '../pelibatan/involvementDecisions';
import { involvementCandidates } from '../pelibatan/involvementChoices';
import { chainHolders, withoutRepeats } from '../pelibatan/involvementParties';
import { involvementOfRequest, type InvolvementDetails } from '../pelibatan/involvementWorkflow';
import { storeInvolvement } from '../pelibatan/storeInvolvement';
import { issueUnitRequestAnswer } from '../surat/unitRequestLetters';
import { markUnitRequest } from './unitRequestCard';
import { readUnitRequest } from './unitRequestDetails';
import type { OpenUnitRequest } from './openUnitRequest';

type Request = OpenUnitRequest['request'];
type Nominee = Awaited<ReturnType<typeof involvementCandidates>>[number];
type Holders = Awaited<ReturnType<typeof chainHolders>>;

/** Who the answerer may nominate: the unit's officials the profile lets take part (C1), not in or on their way into the team. */
export async function nominationCandidates(ctx: FlowContext, request: { timId: string; targetUnitId: string; requesterId: string }) {
  return (await involvementCandidates(ctx, { id: request.timId }, request.targetUnitId)).filter((p) => p.id !== request.requesterId);
}

/**
 * A nominee's chain: the answerer's own step in it is decided by the nomination (the recommendation
 * of the unit's head in Samarinda, the decision elsewhere); the other holders still decide.
 */
async function nomineeChain(ctx: FlowContext, request: Request, person: Nominee) {
  const holders = await chainHolders(ctx.tx, involvementOfRequest(request), person.id);
  const own = holders.find((step) => step.assigneeId === request.deciderId);
  const rest = withoutRepeats(holders.filter((step) => step.assigneeId !== request.deciderId));
  const gap = rest.find((step) => !step.assigneeId || step.assigneeId === request.requesterId);
  if (gap) throw new Refused('DATA', 'permintaan.tanpaPemutus', { nama: person.name, peran: rolePhrase(gap.performer) });
  return { person, own, rest };
}

/** Stores one nominee's WF-2 request and sends it on: to its next holder, or issued now. Returns its line for the answer. */
async function storeNominee(
  ctx: FlowContext, open: OpenUnitRequest, chain: { person: Nominee; own: Holders[number] | undefined; rest: Holders }, answered: boolean,
): Promise<Param> {
  const { request, capacity } = open;
  const { person, own, rest } = chain;
  const details = readUnitRequest(request.details);
  const involvement: InvolvementDetails = { ...details, requestedAt: request.createdAt.toISOString() };
  const stored = await storeInvolvement(ctx, {
    tim: { id: request.timId, ownerUnitId: (await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId } })).ownerUnitId },
    pegawaiId: person.id, assignerId: request.requesterId, scope: request.scope as Lingkup, endsOn: request.endsOn, details: involvement, permintaanId: request.id,
    status: rest[0]?.pendingStatus ?? chainOfRequest({ workflow: 'WF-2', details: request.details, scope: request.scope }).approvedStatus,
    steps: [
      {
        performer: own?.performer ?? request.performer, kind: own?.kind ?? 'APPROVE', assigneeId: request.deciderId,
        citation: own?.citation ?? involvementOfRequest(request).steps[0]!.citation, decided: { byId: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null },
      },
      ...rest.map((step) => ({ performer: step.performer, kind: step.kind, assigneeId: step.assigneeId!, citation: step.citation })),
    ],
  });
  ctx.audit({
    action: 'pelibatan.ditunjukUnit', outcome: 'OK', rule: stored.steps[0]!.citation, subject: `penugasan:${stored.id}`,
    details: { permintaanId: request.id, nomor: stored.number, pegawaiId: person.id, atasNama: capacity.onBehalfOf?.id ?? null },
  });
  const next = stored.steps[1];
  if (!next) {
    await involvementApproved(ctx, await loadRequest(ctx.tx, stored.id), capacity, answered);
    return nested('permintaan.barisTerbit', { nama: person.name, nomor: stored.number });
  }
  await notifyStep(ctx, stored.id, next.id);
  const holder = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: next.assigneeId } });
  return nested('permintaan.barisMenunggu', { nama: person.name, nomor: stored.number, peran: rolePhrase(next.performer), penyetuju: holder.name });
}

/**
 * The unit's head (or their Plh) names up to the number asked for. Each nominee becomes a WF-2
 * request of its own (storeNominee); every nominee is checked before any is stored, and nothing is
 * nominated once the request's last day has passed.
 */
export async function nominateOfficials(ctx: FlowContext, open: OpenUnitRequest, pegawaiIds: string[]): Promise<void> {
  const { request, capacity } = open;
  if (request.endsOn <= ctx.now) throw new Refused('C2', 'permintaan.lewatDurasi', { nomor: request.number, selesai: formatDate(request.endsOn, ctx.actor.timeZone) });
  const candidates = await nominationCandidates(ctx, request);
  const chosen = pegawaiIds.map((id) => candidates.find((c) => c.id === id));
  if (chosen.length === 0 || chosen.length > request.jumlah || new Set(pegawaiIds).size !== pegawaiIds.length || chosen.some((c) => !c)) {
    throw new Refused('DATA', 'permintaan.pilihanTidakSah', { jumlah: request.jumlah });
  }
  const chains = [];
  for (const person of chosen as Nominee[]) chains.push(await nomineeChain(ctx, request, person));
  // Where the profile answers approvals in writing (LMD Ps 23(5)), one letter names everyone approved by this nomination.
  const approvedNow = chains.filter((c) => c.rest.length === 0).map((c) => c.person);
  const answered = involvementOfRequest(request).jawabanTertulis && approvedNow.length > 0;
  if (answered) await issueUnitRequestAnswer(ctx, request, capacity, { approved: true, ditunjuk: approvedNow });
  const lines = [];
  for (const chain of chains) lines.push(await storeNominee(ctx, open, chain, answered));
  await ctx.tx.permintaanPegawai.update({
    where: { id: request.id }, data: { status: 'ANSWERED', decidedById: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, decidedAt: ctx.now },
  });
  tellAnswer(ctx, request, capacity, joinParams(lines), chains.length);
  await markUnitRequest(ctx, request, nested('permintaan.dijawabOleh', { ...decisionParams(ctx, capacity), jumlah: chains.length }));
  ctx.audit({
    action: 'permintaan.tunjuk', outcome: 'OK', rule: involvementOfRequest(request).citation, subject: `permintaan:${request.id}`,
    details: { pegawaiIds, atasNama: capacity.onBehalfOf?.id ?? null },
  });
}

/** The requesting head, the official stood in for (C6) and the answerer learn who was nominated and where each stands. */
function tellAnswer(ctx: FlowContext, request: Request, capacity: ApproverCapacity, daftar: Param, jumlah: number): void {
  ctx.notify(request.requesterId, text('permintaan.dijawab', { ...decisionParams(ctx, capacity), nomor: request.number, jumlah, diminta: request.jumlah, daftar }));
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('permintaan.dijawabAtasNama', { nomor: request.number, nama: ctx.actor.name, daftar }));
  ctx.reply(text('permintaan.tercatatTunjuk', { nomor: request.number, daftar }));
}
