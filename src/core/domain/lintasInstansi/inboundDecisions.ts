import { requireApprover, type ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import type { InboundStage } from '../../policy/lintasInstansiSchema';
import { getPolicyProfile } from '../../policy/policyProfile';
import { issueInboundAnswer } from '../surat/inboundLetters';
import { assignInbound } from './assignInbound';
import { advanceRequest } from './advanceRequest';
import { inboundHolders, inboundVersion, notifyInboundStage } from './inboundCard';
import { inboundStageAt } from './inboundStages';
import { readInboundDetails, type InboundDetails, type LintasRequest } from './lintasDetails';
import { requirePyb } from './pejabatBerwenang';
import { relayKabar } from './relayKabar';
import { ownRequest } from './ownRequest';

type Open<K extends InboundStage['kind']> = { inbound: LintasRequest; details: InboundDetails; stage: Extract<InboundStage, { kind: K }>; capacity: ApproverCapacity };

const PERFORMER: Record<InboundStage['kind'], InboundStage['performer']> = { PUTUSAN: 'PYB', TUNJUK_UNIT: 'PYB', JAWAB: 'PIMPINAN_UO_DITUJU', TERBITKAN: 'PIMPINAN_UO_DITUJU' };

/**
 * The inbound request waiting at a stage of this kind, with the actor's authority over it (checked
 * first, so a stranger's press is refused and audited even on a request that moved on). Null once it
 * moved on, or when the card pressed (`versi`) was sent before a later step: an answer sent back
 * and given again is a new answer, not the one on the old card.
 */
export async function openInbound<K extends InboundStage['kind']>(ctx: FlowContext, pelibatanId: string, kind: K, versi?: string): Promise<Open<K> | null> {
  const inbound = await ownRequest(ctx, pelibatanId, 'MASUK');
  if (!inbound) return null;
  const details = readInboundDetails(inbound.details);
  const capacity = PERFORMER[kind] === 'PYB' ? await requirePyb(ctx.tx, ctx.actor, ctx.now) : await requireUnitHead(ctx, details);
  const { settings } = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: inbound.instansiId } });
  const stage = inboundStageAt(details.profile, settings, inbound.status);
  if (stage?.kind !== kind) return null;
  if (versi !== undefined && versi !== (await inboundVersion(ctx, inbound.id))) return null;
  return { inbound, details, stage: stage as Extract<InboundStage, { kind: K }>, capacity };
}

async function requireUnitHead(ctx: FlowContext, details: InboundDetails): Promise<ApproverCapacity> {
  const unit = details.unitId ? await ctx.tx.unitOrganisasi.findUnique({ where: { id: details.unitId } }) : null;
  if (!unit?.headId) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  return requireApprover(ctx.tx, ctx.actor, { assigneeId: unit.headId, performer: 'DITUJU_PIMPINAN_UO' }, ctx.now);
}

async function counterpart(ctx: FlowContext, inbound: LintasRequest) {
  return ctx.tx.pelibatanLintasInstansi.findUniqueOrThrow({ where: { id: inbound.counterpartId! } });
}

/** Records the step, stores what it added, and hands the request to whoever holds the next stage. False when someone was first. */
async function move(ctx: FlowContext, open: { inbound: LintasRequest; capacity: ApproverCapacity; stage: { citation: string } }, to: string, kind: string, details: InboundDetails, note: object | null): Promise<LintasRequest | null> {
  const { inbound, capacity } = open;
  if (!(await advanceRequest(ctx.tx, inbound, to))) {
    ctx.reply(text('persetujuan.sudahDiputuskan'));
    return null;
  }
  const moved = await ctx.tx.pelibatanLintasInstansi.update({ where: { id: inbound.id }, data: { details: JSON.stringify(details) } });
  await ctx.tx.peristiwaLintasInstansi.create({
    data: {
      pelibatanId: inbound.id, kind, statusFrom: inbound.status, statusTo: to, actorId: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null,
      note: note ? JSON.stringify(note) : null, createdAt: ctx.now,
    },
  });
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('lintas.masukAtasNama', { nomor: inbound.number, dari: inbound.targetName, nama: ctx.actor.name }));
  ctx.audit({ action: `lintas.masuk.${kind.toLowerCase()}`, outcome: 'OK', subject: `lintas:${inbound.id}`, rule: open.stage.citation, details: { nomor: inbound.number, status: to } });
  return moved;
}

/** Our PyB approves or refuses (with a reason) the request, or the answer our unit gave. A written refusal goes back. */
export async function decideInbound(ctx: FlowContext, open: Open<'PUTUSAN'>, decision: { approved: true } | { approved: false; reason: string }) {
  const { stage, details } = open;
  const to = decision.approved ? stage.approved : stage.rejected;
  const moved = await move(ctx, open, to, decision.approved ? 'DISETUJUI' : 'DITOLAK', details, decision.approved ? null : { alasan: decision.reason });
  if (!moved) return;
  const outbound = await counterpart(ctx, moved);
  if (decision.approved && stage.kabarSetuju === 'JAWABAN') {
    const surat = await issueInboundAnswer(ctx, moved, outbound, open.capacity, { tersedia: true, daftar: details.daftar ?? [] });
    await relayKabar(ctx, moved, 'JAWABAN', { daftar: details.daftar ?? [], suratId: surat.id });
  } else if (decision.approved && stage.kabarSetuju === 'TIDAK_TERSEDIA') {
    // The unit's "none available" goes out under the PyB's signature, as an available answer would.
    const surat = await issueInboundAnswer(ctx, moved, outbound, open.capacity, { tersedia: false, reason: details.alasan ?? '-' });
    await relayKabar(ctx, moved, 'TIDAK_TERSEDIA', { alasan: details.alasan, suratId: surat.id });
  } else if (decision.approved && stage.kabarSetuju) {
    await relayKabar(ctx, moved, stage.kabarSetuju, {});
  } else if (!decision.approved && stage.kabarTolak) {
    const surat = await issueInboundAnswer(ctx, moved, outbound, open.capacity, { tersedia: false, reason: decision.reason, ditolak: true });
    await relayKabar(ctx, moved, stage.kabarTolak, { alasan: decision.reason, suratId: surat.id });
  } else if (!decision.approved) {
    // Sent back without a word to the other side: the unit head answers again, knowing why.
    for (const pegawaiId of await inboundHolders(ctx, moved, 'PIMPINAN_UO_DITUJU')) ctx.notify(pegawaiId, text('lintas.jawabanDikembalikan', { nomor: moved.number, alasan: decision.reason }));
  }
  ctx.reply(text(decision.approved ? 'lintas.masukDisetujui' : 'lintas.masukDitolak', { nomor: moved.number, dari: moved.targetName }));
  await notifyInboundStage(ctx, moved);
}

/** Units of our instansi whose head can be instructed, by a part of their name. */
export async function answeringUnits(ctx: FlowContext, query: string) {
  const needle = query.trim().toLowerCase();
  const units = await ctx.tx.unitOrganisasi.findMany({ where: { instansiId: ctx.actor.instansiId, headId: { not: null } }, include: { perangkatDaerah: true }, orderBy: { name: 'asc' } });
  return units.filter((u) => `${u.name} ${u.perangkatDaerah.name} ${u.code}`.toLowerCase().includes(needle)).slice(0, 8);
}

/** Our PyB instructs a unit's head (the Penilai of its officials) to answer with officials who fit. */
export async function instructUnit(ctx: FlowContext, open: Open<'TUNJUK_UNIT'>, unitId: string) {
  const unit = await ctx.tx.unitOrganisasi.findFirst({ where: { id: unitId, instansiId: ctx.actor.instansiId, headId: { not: null } } });
  if (!unit) throw new Refused('DATA', 'lintas.unitTanpaPimpinan');
  const moved = await move(ctx, open, open.stage.next, 'TUNJUK_UNIT', { ...open.details, unitId }, { unitId });
  if (!moved) return;
  if (open.stage.kabar) await relayKabar(ctx, moved, open.stage.kabar, {});
  ctx.reply(text('lintas.unitDiinstruksikan', { nomor: moved.number, unit: unit.name }));
  await notifyInboundStage(ctx, moved);
}

/** Who the unit head may name: active officials of the unit whose post our profile lets be assigned (C1). */
export async function answerCandidates(ctx: FlowContext, details: InboundDetails) {
  const { subjek } = getPolicyProfile(details.profile).penunjukan.DALAM_UO;
  return ctx.tx.pegawai.findMany({
    where: { instansiId: ctx.actor.instansiId, active: true, homeUnitId: details.unitId ?? '', jenisJabatan: { in: subjek.jenisJabatan } }, orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

/** The unit head answers: the officials assigned (at most as many as asked), or none available with the reason. */
export async function answerInbound(ctx: FlowContext, open: Open<'JAWAB'>, answer: { pegawaiIds: string[] } | { alasan: string }) {
  const { stage, details, inbound } = open;
  if ('alasan' in answer) {
    const moved = await move(ctx, open, stage.tidakTersedia, 'TIDAK_TERSEDIA', { ...details, alasan: answer.alasan, daftar: undefined, pegawaiIds: undefined }, { alasan: answer.alasan });
    if (!moved) return;
    if (stage.kabarTidakTersedia) {
      const surat = await issueInboundAnswer(ctx, moved, await counterpart(ctx, moved), open.capacity, { tersedia: false, reason: answer.alasan });
      await relayKabar(ctx, moved, stage.kabarTidakTersedia, { alasan: answer.alasan, suratId: surat.id });
    }
    ctx.reply(text('lintas.jawabanTercatat', { nomor: inbound.number }));
    await notifyInboundStage(ctx, moved);
    return;
  }
  const candidates = await answerCandidates(ctx, details);
  const chosen = candidates.filter((c) => answer.pegawaiIds.includes(c.id));
  if (chosen.length === 0 || chosen.length !== new Set(answer.pegawaiIds).size || chosen.length > details.jumlah) {
    throw new Refused('C1', 'lintas.pilihanTidakSah', { jumlah: details.jumlah, citation: getPolicyProfile(details.profile).penunjukan.DALAM_UO.subjek.citation });
  }
  const unit = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: details.unitId! }, include: { perangkatDaerah: true } });
  const daftar = chosen.map((p) => ({ name: p.name, nip: p.nip, jabatan: p.jabatan, unit: `${unit.name}, ${unit.perangkatDaerah.name}` }));
  const moved = await move(ctx, open, stage.tersedia, 'JAWABAN_TERSEDIA', { ...details, alasan: undefined, pegawaiIds: chosen.map((c) => c.id), daftar }, { daftar });
  if (!moved) return;
  if (stage.kabarTersedia === 'JAWABAN') {
    const surat = await issueInboundAnswer(ctx, moved, await counterpart(ctx, moved), open.capacity, { tersedia: true, daftar });
    await relayKabar(ctx, moved, 'JAWABAN', { daftar, suratId: surat.id });
  }
  ctx.reply(text('lintas.jawabanTercatat', { nomor: inbound.number }));
  await notifyInboundStage(ctx, moved);
}

/** The unit head issues the surat penugasan to each official named, who confirm it; the requesting side gets its copy. */
export async function issueInbound(ctx: FlowContext, open: Open<'TERBITKAN'>) {
  const moved = await move(ctx, open, open.stage.next, 'SURAT_PENUGASAN', open.details, null);
  if (!moved) return;
  const letters = await assignInbound(ctx, moved, await counterpart(ctx, moved), open.capacity, open.stage);
  await relayKabar(ctx, moved, 'PENUGASAN', { suratId: letters[0]?.id });
  ctx.reply(text('lintas.penugasanTerbit', { nomor: moved.number, jumlah: letters.length }));
}
