import type { FileInput, FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, type Param } from '../../catalog/t';
import { choice, label, text } from '../../messages';
import type { Peristiwa } from '../../policy/lintasInstansiSchema';
import { getPolicyProfile } from '../../policy/policyProfile';
import { advanceRequest } from './advanceRequest';
import { officialLines } from './externalOfficials';
import { readLintasDetails, type ExternalOfficial, type LintasRequest } from './lintasDetails';
import { endedWell, isFinal, lintasWorkflow, stageAt, stagesOf } from './lintasStages';
import { requireRecorder } from './pejabatBerwenang';
import { LINTAS_FLOW_ID, notifyPyb } from './pybCard';

export interface ExternalRecord {
  pelibatanId: string;
  peristiwa: Peristiwa;
  /** The other government's letter as uploaded. */
  file: FileInput;
  alasan?: string;
  daftar?: ExternalOfficial[];
}

async function stagesOfRequest(ctx: FlowContext, request: LintasRequest) {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  return stagesOf(readLintasDetails(request.details).profile, instansi.settings);
}

/** Outbound requests of the actor's instansi that wait for a letter from the other government. */
export async function requestsAwaitingLetters(ctx: FlowContext) {
  await requireRecorder(ctx.tx, ctx.actor, ctx.now);
  const open = await ctx.tx.pelibatanLintasInstansi.findMany({ where: { instansiId: ctx.actor.instansiId, direction: 'KELUAR' }, orderBy: { number: 'asc' } });
  const waiting = [];
  for (const request of open) {
    if (stageAt(await stagesOfRequest(ctx, request), request.status)?.kind === 'PERISTIWA') waiting.push(request);
  }
  return waiting;
}

/** The request and the event stage it waits in, or the refusal when it waits for nothing from outside. */
export async function openExternalStage(ctx: FlowContext, pelibatanId: string) {
  const request = await ctx.tx.pelibatanLintasInstansi.findFirst({ where: { id: pelibatanId, instansiId: ctx.actor.instansiId, direction: 'KELUAR' } });
  if (!request) throw new Refused('WF-3', 'lintas.tidakMenungguSurat', { nomor: '-' });
  const stages = await stagesOfRequest(ctx, request);
  const stage = stageAt(stages, request.status);
  if (stage?.kind !== 'PERISTIWA') throw new Refused('WF-3', 'lintas.tidakMenungguSurat', { nomor: request.number });
  return { request, stage, stages };
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
  if (!(await advanceRequest(ctx.tx, request, outcome.next))) {
    ctx.reply(text('lintas.sudahDicatat', { nomor: request.number }));
    return;
  }
  const details = readLintasDetails(request.details);
  const daftar = outcome.isian === 'DAFTAR' ? input.daftar! : details.daftar;
  if (outcome.isian === 'DAFTAR') await ctx.tx.pelibatanLintasInstansi.update({ where: { id: request.id }, data: { details: JSON.stringify({ ...details, daftar }) } });
  const { platform, fileId, fileName, mimeType } = input.file;
  await ctx.tx.peristiwaLintasInstansi.create({
    data: {
      pelibatanId: request.id, kind: outcome.peristiwa, statusFrom: request.status, statusTo: outcome.next, actorId: ctx.actor.id,
      onBehalfOf: capacity.onBehalfOf?.id ?? null, note: outcome.isian ? JSON.stringify(outcome.isian === 'ALASAN' ? { alasan } : { daftar }) : null,
      platform, fileId, fileName: fileName ?? null, mimeType: mimeType ?? null, createdAt: ctx.now,
    },
  });
  const peristiwa = { key: `lintas.peristiwa.${outcome.peristiwa}` as const };
  const isi: Param = outcome.isian === 'ALASAN' ? nested('lintas.isiAlasan', { alasan: alasan! })
    : outcome.isian === 'DAFTAR' ? nested('lintas.isiDaftar', { daftar: officialLines(daftar!) }) : '';
  const params = { nomor: request.number, target: request.targetName, tim: details.team, peristiwa, isi };
  ctx.reply(text('lintas.dicatat', params));
  ctx.notify(request.requesterId!, text('lintas.peristiwaTercatat', params));
  ctx.notify(request.requesterId!, { kind: 'attachment', file: { platform, fileId, fileName, mimeType }, caption: { key: 'lintas.suratDari', params: { target: request.targetName, nomor: request.number } } });
  if (endedWell(stages, outcome.next)) await announceMembers(ctx, request, daftar ?? []);
  await afterEvent(ctx, request, stages, outcome.next);
  ctx.audit({ action: 'lintas.catat', outcome: 'OK', subject: `lintas:${request.id}`, rule: stage.citation, details: { nomor: request.number, peristiwa: outcome.peristiwa, status: outcome.next } });
}

/** S12: the ketua and the owner unit are told who joins from the other government. */
async function announceMembers(ctx: FlowContext, request: LintasRequest, daftar: ExternalOfficial[]) {
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId! }, include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE', role: 'KETUA' } } } });
  const told = new Set([...tim.memberships.map((m) => m.pegawaiId), ...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : [])]);
  const message = text('lintas.anggotaBaru', { tim: tim.name, target: request.targetName, nomor: request.number, daftar: officialLines(daftar) });
  for (const pegawaiId of told) ctx.notify(pegawaiId, message);
}

/** What comes next: the instansi's own stage, the owner's SK Tim Kerja, or the notice that the regulation stops here. */
async function afterEvent(ctx: FlowContext, request: LintasRequest, stages: Awaited<ReturnType<typeof stagesOfRequest>>, status: string) {
  const next = stageAt(stages, status);
  const moved = { ...request, status };
  if (next?.kind === 'PUTUSAN') await notifyPyb(ctx, moved);
  if (next?.kind === 'SK_TIM') {
    ctx.notify(request.requesterId!, choice('lintas.mintaSk', [[{
      label: label('lintas.tetapkanSk'), action: 'tetapkanSk', args: { pelibatanId: request.id }, style: 'primary', scope: 'action', flowId: LINTAS_FLOW_ID,
    }]], { nomor: request.number, citation: next.citation }));
  }
  if (!next && !isFinal(stages, status)) {
    const { batasRegulasi } = lintasWorkflow(getPolicyProfile(readLintasDetails(request.details).profile));
    const notice = text('lintas.tidakDiaturLagi', { nomor: request.number, citation: batasRegulasi?.citation ?? '-' });
    ctx.reply(notice);
    ctx.notify(request.requesterId!, notice);
  }
}
