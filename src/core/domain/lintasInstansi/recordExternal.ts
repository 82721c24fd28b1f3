import type { FileInput, FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, type Param } from '../../catalog/t';
import { choice, label, text } from '../../messages';
import type { Peristiwa } from '../../policy/lintasInstansiSchema';
import { getPolicyProfile } from '../../policy/policyProfile';
import { advanceRequest } from './advanceRequest';
import { officialLines } from './externalOfficials';
import { readInboundDetails, readLintasDetails, type ExternalOfficial, type LintasRequest } from './lintasDetails';
import { inboundStageAt } from './inboundStages';
import { endedWell, isFinal, lintasWorkflow, stageAt, stagesOf } from './lintasStages';
import { requireRecorder } from './pejabatBerwenang';
import { LINTAS_FLOW_ID, notifyPyb } from './pybCard';
import { ownRequest } from './ownRequest';

export interface ExternalRecord {
  pelibatanId: string;
  peristiwa: Peristiwa;
  /** The other government's letter as uploaded. */
  file: FileInput;
  alasan?: string;
  daftar?: ExternalOfficial[];
}

export async function stagesOfRequest(ctx: FlowContext, request: LintasRequest) {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  return stagesOf(readLintasDetails(request.details).profile, instansi.settings);
}

/** Outbound requests of the actor's instansi that wait for a letter from the other government. */
export async function requestsAwaitingLetters(ctx: FlowContext) {
  await requireRecorder(ctx.tx, ctx.actor, ctx.now);
  const open = await ctx.tx.pelibatanLintasInstansi.findMany({ where: { instansiId: ctx.actor.instansiId, direction: 'KELUAR' }, orderBy: { number: 'asc' } });
  const waiting = [];
  for (const request of open) {
    if (stageAt(await stagesOfRequest(ctx, request), request.status)?.kind === 'PERISTIWA' && !(await answeredByItself(ctx, request))) waiting.push(request);
  }
  return waiting;
}

/** The request and the event stage it waits in, or the refusal when it waits for nothing from outside. */
export async function openExternalStage(ctx: FlowContext, pelibatanId: string) {
  const request = await ownRequest(ctx, pelibatanId, 'KELUAR');
  if (!request) throw new Refused('WF-3', 'lintas.tidakMenungguSurat', { nomor: '-' });
  const stages = await stagesOfRequest(ctx, request);
  const stage = stageAt(stages, request.status);
  if (stage?.kind !== 'PERISTIWA') throw new Refused('WF-3', 'lintas.tidakMenungguSurat', { nomor: request.number });
  if (await answeredByItself(ctx, request)) throw new Refused('WF-3', 'lintas.tercatatOtomatis', { nomor: request.number, target: request.targetName });
  return { request, stage, stages };
}

/**
 * The other government runs timkerja and its request is still going: its steps are recorded here
 * by themselves, and a hand-made record would contradict them. Where its regulation stopped (or it
 * withdrew), letters are recorded by hand again.
 */
async function answeredByItself(ctx: FlowContext, request: LintasRequest): Promise<boolean> {
  const inbound = request.counterpartId ? await ctx.tx.pelibatanLintasInstansi.findUnique({ where: { id: request.counterpartId } }) : null;
  if (!inbound) return false;
  const { settings } = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: inbound.instansiId } });
  return !!inboundStageAt(readInboundDetails(inbound.details).profile, settings, inbound.status);
}

/**
 * Records what the other government did, from its letter, uploaded by the PyB or the admin: the
 * step happened outside the bot, so the letter itself is the evidence, forwarded to the requester.
 */
export async function recordExternalEvent(ctx: FlowContext, input: ExternalRecord) {
  const capacity = await requireRecorder(ctx.tx, ctx.actor, ctx.now);
  const { request, stage, stages } = await openExternalStage(ctx, input.pelibatanId);
  const outcome = stage.outcomes.find((o) => o.peristiwa === input.peristiwa);
  if (!outcome) throw new Refused('WF-3', 'lintas.peristiwaTidakBerlaku', { citation: stage.citation });
  const alasan = input.alasan?.trim();
  if (outcome.isian === 'ALASAN' && !alasan) throw new Refused('S14', 'lintas.alasanWajib', { citation: stage.citation });
  if (outcome.isian === 'DAFTAR' && !input.daftar?.length) throw new Refused('WF-3', 'lintas.daftarWajib', { citation: stage.citation });
  const applied = await applyOutcome(ctx, { request, stage, stages, outcome, alasan, daftar: input.daftar, evidence: { file: input.file }, onBehalfOf: capacity.onBehalfOf?.id ?? null });
  if (!applied) {
    ctx.reply(text('lintas.sudahDicatat', { nomor: request.number }));
    return;
  }
  ctx.reply(text('lintas.dicatat', { nomor: request.number, peristiwa: { key: `lintas.peristiwa.${outcome.peristiwa}` } }));
  await regulationEnds(ctx, request, stages, outcome.next, ctx.actor.id);
}

type Stages = Awaited<ReturnType<typeof stagesOfRequest>>;
type PeristiwaStage = Extract<Stages[number], { kind: 'PERISTIWA' }>;

/**
 * Moves an outbound request by one outcome of the other government and tells its people: from a
 * letter uploaded here, or (when both run timkerja) from the letter the other side's bot issued.
 * False when the request had already moved on.
 */
export async function applyOutcome(ctx: FlowContext, input: {
  request: LintasRequest; stage: PeristiwaStage; stages: Stages; outcome: PeristiwaStage['outcomes'][number];
  alasan?: string; daftar?: ExternalOfficial[]; evidence: { file: FileInput } | { suratId: string } | null; onBehalfOf: string | null;
}): Promise<boolean> {
  const { request, stage, stages, outcome, alasan } = input;
  if (!(await advanceRequest(ctx.tx, request, outcome.next))) return false;
  const details = readLintasDetails(request.details);
  const daftar = outcome.isian === 'DAFTAR' ? input.daftar : details.daftar;
  if (outcome.isian === 'DAFTAR') await ctx.tx.pelibatanLintasInstansi.update({ where: { id: request.id }, data: { details: JSON.stringify({ ...details, daftar }) } });
  const file = input.evidence && 'file' in input.evidence ? input.evidence.file : null;
  await ctx.tx.peristiwaLintasInstansi.create({
    data: {
      pelibatanId: request.id, kind: outcome.peristiwa, statusFrom: request.status, statusTo: outcome.next, actorId: ctx.actor.id, onBehalfOf: input.onBehalfOf,
      note: outcome.isian ? JSON.stringify(outcome.isian === 'ALASAN' ? { alasan } : { daftar }) : null,
      suratId: input.evidence && 'suratId' in input.evidence ? input.evidence.suratId : null,
      platform: file?.platform ?? null, fileId: file?.fileId ?? null, fileName: file?.fileName ?? null, mimeType: file?.mimeType ?? null, createdAt: ctx.now,
    },
  });
  const isi: Param = outcome.isian === 'ALASAN' && alasan ? nested('lintas.isiAlasan', { alasan })
    : outcome.isian === 'DAFTAR' && daftar ? nested('lintas.isiDaftar', { daftar: officialLines(daftar) }) : '';
  const params = { nomor: request.number, target: request.targetName, tim: details.team, peristiwa: { key: `lintas.peristiwa.${outcome.peristiwa}` as const }, isi };
  ctx.notify(request.requesterId!, text('lintas.peristiwaTercatat', params));
  if (file) ctx.notify(request.requesterId!, { kind: 'attachment', file, caption: { key: 'lintas.suratDari', params: { target: request.targetName, nomor: request.number } } });
  if (endedWell(stages, outcome.next)) await announceMembers(ctx, request, daftar ?? []);
  await nextStage(ctx, request, stages, outcome.next);
  ctx.audit({ action: 'lintas.catat', outcome: 'OK', subject: `lintas:${request.id}`, rule: stage.citation, details: { nomor: request.number, peristiwa: outcome.peristiwa, status: outcome.next } });
  return true;
}

/** S12: the ketua and the owner unit are told who joins from the other government. */
async function announceMembers(ctx: FlowContext, request: LintasRequest, daftar: ExternalOfficial[]) {
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId! }, include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE', role: 'KETUA' } } } });
  const told = new Set([...tim.memberships.map((m) => m.pegawaiId), ...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : [])]);
  const message = text('lintas.anggotaBaru', { tim: tim.name, target: request.targetName, nomor: request.number, daftar: officialLines(daftar) });
  for (const pegawaiId of told) ctx.notify(pegawaiId, message);
}

/** What comes next: the PyB passing the approval on (Lamandau), or the owner's SK Tim Kerja. */
export async function nextStage(ctx: FlowContext, request: LintasRequest, stages: Stages, status: string) {
  const next = stageAt(stages, status);
  if (next?.kind === 'TERUSKAN') await notifyPyb(ctx, { ...request, status });
  if (next?.kind === 'SK_TIM') {
    ctx.notify(request.requesterId!, choice('lintas.mintaSk', [[{
      label: label('lintas.tetapkanSk'), action: 'tetapkanSk', args: { pelibatanId: request.id }, style: 'primary', scope: 'action', flowId: LINTAS_FLOW_ID,
    }]], { nomor: request.number, citation: next.citation }));
  }
}

/** Where the regulation stops short of an end (Tulang Bawang Barat): the requester and whoever recorded it are told. */
export async function regulationEnds(ctx: FlowContext, request: LintasRequest, stages: Stages, status: string, recorderId: string | null) {
  if (stageAt(stages, status) || isFinal(stages, status)) return;
  const { batasRegulasi } = lintasWorkflow(getPolicyProfile(readLintasDetails(request.details).profile));
  const notice = text('lintas.tidakDiaturLagi', { nomor: request.number, citation: batasRegulasi?.citation ?? '-' });
  for (const pegawaiId of new Set([request.requesterId!, ...(recorderId ? [recorderId] : [])])) ctx.notify(pegawaiId, notice);
}
