import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, type Param } from '../../catalog/t';
import { choice, label, text, type Button } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDateTime } from '../formatTime';
import { reviewChain } from './reviewChain';
import { taskSubject, teamSubject, workSubject as subjectOf } from '../workSubject';

export const EVALUATION_FLOW_ID = 'evaluasi';

type Loaded = NonNullable<Awaited<ReturnType<typeof loadEvaluation>>>;

const WITH_WORK = { tim: true, penugasan: true, target: true } as const;

function loadEvaluation(ctx: FlowContext, id: string) {
  return ctx.tx.evaluasi.findFirst({ where: { id, instansiId: ctx.actor.instansiId }, include: WITH_WORK });
}

/** What a result is the result of: a team the actor leads, or the actor's own individual task. */
export type ResultWork = { timId: string } | { penugasanId: string };

/**
 * The team or task a result may be submitted for, with its targets: the ketua tim for a team,
 * the official themself for an individual task (WF-9 R9: "individu atau ketua tim").
 */
export async function resultWork(ctx: FlowContext, work: ResultWork) {
  const targets = { orderBy: { createdAt: 'asc' as const } };
  if ('timId' in work) {
    const tim = await ctx.tx.timKerja.findFirst({
      where: { id: work.timId, instansiId: ctx.actor.instansiId, memberships: { some: { pegawaiId: ctx.actor.id, role: 'KETUA', status: 'ACTIVE' } } },
      include: { targets },
    });
    if (!tim) throw new Refused('WF-9', 'evaluasi.bukanKetua');
    return { ownerUnitId: tim.ownerUnitId, targets: tim.targets, subjek: teamSubject(tim.name) };
  }
  const task = await ctx.tx.penugasan.findFirst({
    where: { id: work.penugasanId, instansiId: ctx.actor.instansiId, pegawaiId: ctx.actor.id, role: 'INDIVIDU', status: 'ACTIVE' },
    include: { targets },
  });
  if (!task) throw new Refused('WF-9', 'evaluasi.bukanPemilikTugas');
  return { ownerUnitId: task.ownerUnitId, targets: task.targets, subjek: taskSubject(task.details) };
}

/**
 * WF-9 T1: the ketua tim (or the official, for an individual task) submits a result that meets a
 * target, with the value reached; it goes to the first reviewer of the owner unit's chain.
 */
export async function submitResult(ctx: FlowContext, work: ResultWork, input: { hasil: string; targetId?: string; nilai?: number }) {
  const found = await resultWork(ctx, work);
  if (found.targets.length > 0 && !found.targets.some((target) => target.id === input.targetId)) throw new Refused('WF-9', 'evaluasi.targetTidakDikenal');
  const profile = getPolicyProfile(ctx.actor.policyProfile);
  const chain = await reviewChain(ctx.tx, profile, found.ownerUnitId, ctx.actor);
  if (chain.length === 0) throw new Refused('WF-9', 'evaluasi.tidakAdaPeninjau');
  const last = await ctx.tx.evaluasi.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const evaluasi = await ctx.tx.evaluasi.create({
    data: {
      instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, ...work, submitterId: ctx.actor.id, hasil: input.hasil, chain: JSON.stringify(chain),
      targetId: input.targetId ?? null, nilai: input.nilai ?? null,
      returnMode: profile.evaluasi.returnMode, position: 0, status: 'UNDER_REVIEW', history: { create: [{ position: -1, reviewerId: ctx.actor.id, action: 'SUBMIT', at: ctx.now }] },
    },
    include: WITH_WORK,
  });
  await sendCard(ctx, evaluasi, null);
  const firstReviewer = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: chain[0]! } });
  ctx.reply(text('evaluasi.terkirim', { nomor: evaluasi.number, nama: firstReviewer.name }));
  ctx.audit({ action: 'evaluasi.ajukan', outcome: 'OK', rule: profile.evaluasi.citation, subject: `evaluasi:${evaluasi.id}` });
  return evaluasi;
}

/** The current reviewer's card: only the final acceptor gets "Terima (selesai)" (WF-9 G). */
async function sendCard(ctx: FlowContext, evaluasi: Loaded, note: string | null): Promise<void> {
  const chain = JSON.parse(evaluasi.chain) as string[];
  const reviewerId = chain[evaluasi.position]!;
  const isLast = evaluasi.position === chain.length - 1;
  const button = (key: 'evaluasi.terima' | 'evaluasi.teruskan' | 'evaluasi.kembalikan', action: string, style: 'primary' | 'danger'): Button =>
    ({ label: label(key), action, args: { evaluasiId: evaluasi.id }, style, scope: 'action', flowId: EVALUATION_FLOW_ID });
  const submitter = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: evaluasi.submitterId } });
  const messageId = ctx.notify(reviewerId, choice('evaluasi.kartu', [[
    isLast ? button('evaluasi.terima', 'terima', 'primary') : button('evaluasi.teruskan', 'teruskan', 'primary'),
    button('evaluasi.kembalikan', 'kembalikan', 'danger'),
  ]], {
    nomor: evaluasi.number, subjek: subjectOf(evaluasi), pengaju: submitter.name, hasil: evaluasi.hasil,
    capaian: evaluasi.target ? nested('evaluasi.capaianTarget', { indikator: evaluasi.target.indikator, nilai: evaluasi.nilai ?? 0, target: evaluasi.target.target, satuan: evaluasi.target.satuan }) : '',
    tahap: evaluasi.position + 1, jumlah: chain.length, catatan: note ? nested('evaluasi.catatanAtasan', { catatan: note }) : '',
  }));
  await ctx.tx.evaluasi.update({ where: { id: evaluasi.id }, data: { messageIds: JSON.stringify([messageId]) } });
}

/** Only the reviewer whose turn it is may act; anyone else is refused and audited. */
export async function requireReviewer(ctx: FlowContext, evaluasiId: string): Promise<Loaded & { chainIds: string[] }> {
  const evaluasi = await loadEvaluation(ctx, evaluasiId);
  const chainIds = evaluasi ? (JSON.parse(evaluasi.chain) as string[]) : [];
  if (!evaluasi || evaluasi.status !== 'UNDER_REVIEW' || chainIds[evaluasi.position] !== ctx.actor.id) throw new Refused('WF-9', 'evaluasi.bukanPeninjau');
  return { ...evaluasi, chainIds };
}

function closeCard(ctx: FlowContext, evaluasi: Loaded, outcome: Param): void {
  for (const messageId of JSON.parse(evaluasi.messageIds ?? '[]') as string[]) {
    ctx.reply({ kind: 'edit', targetMessageId: messageId, replacement: text('evaluasi.kartuSelesai', { nomor: evaluasi.number, subjek: subjectOf(evaluasi), hasil: outcome }) });
  }
}

const stamp = (ctx: FlowContext, key: 'evaluasi.diteruskanOleh' | 'evaluasi.diterimaOleh' | 'evaluasi.dikembalikanOleh', note = '') =>
  nested(key, { nama: ctx.actor.name, waktu: formatDateTime(ctx.now, ctx.actor.timeZone), catatan: note });

export async function forwardResult(ctx: FlowContext, evaluasiId: string): Promise<void> {
  const evaluasi = await requireReviewer(ctx, evaluasiId);
  if (evaluasi.position === evaluasi.chainIds.length - 1) throw new Refused('WF-9', 'evaluasi.bukanPeninjau');
  closeCard(ctx, evaluasi, stamp(ctx, 'evaluasi.diteruskanOleh'));
  const next = await ctx.tx.evaluasi.update({ where: { id: evaluasi.id }, data: { position: evaluasi.position + 1, history: { create: { position: evaluasi.position, reviewerId: ctx.actor.id, action: 'FORWARD', at: ctx.now } } }, include: WITH_WORK });
  await sendCard(ctx, next, null);
  ctx.reply(text('evaluasi.tercatat', { nomor: evaluasi.number }));
  ctx.audit({ action: 'evaluasi.teruskan', outcome: 'OK', rule: 'WF-9 T3', subject: `evaluasi:${evaluasi.id}` });
}

/** WF-9 T4 / G: "dinyatakan selesai setelah Pejabat Level 1 menerima" (SMD Ps 18(3)): final acceptor only. */
export async function acceptResult(ctx: FlowContext, evaluasiId: string): Promise<void> {
  const evaluasi = await requireReviewer(ctx, evaluasiId);
  if (evaluasi.position !== evaluasi.chainIds.length - 1) throw new Refused('WF-9 G', 'evaluasi.hanyaPenerimaAkhir');
  await ctx.tx.evaluasi.update({ where: { id: evaluasi.id }, data: { status: 'ACCEPTED', history: { create: { position: evaluasi.position, reviewerId: ctx.actor.id, action: 'ACCEPT', at: ctx.now } } } });
  const outcome = stamp(ctx, 'evaluasi.diterimaOleh');
  closeCard(ctx, evaluasi, outcome);
  for (const id of [evaluasi.submitterId, ...evaluasi.chainIds.slice(0, -1)]) ctx.notify(id, text('evaluasi.kabar', { nomor: evaluasi.number, subjek: subjectOf(evaluasi), hasil: outcome }));
  ctx.reply(text('evaluasi.tercatat', { nomor: evaluasi.number }));
  ctx.audit({ action: 'evaluasi.terima', outcome: 'OK', rule: 'WF-9 T4', subject: `evaluasi:${evaluasi.id}` });
}

/** WF-9 T2: back for adjustment with a note: one level down in SMD ("secara berjenjang"), else to the team. */
export async function returnResult(ctx: FlowContext, evaluasiId: string, note: string): Promise<void> {
  const evaluasi = await requireReviewer(ctx, evaluasiId);
  const outcome = stamp(ctx, 'evaluasi.dikembalikanOleh', note);
  closeCard(ctx, evaluasi, outcome);
  const history = { create: { position: evaluasi.position, reviewerId: ctx.actor.id, action: 'RETURN', note, at: ctx.now } };
  if (evaluasi.returnMode === 'BERJENJANG' && evaluasi.position > 0) {
    const lower = await ctx.tx.evaluasi.update({ where: { id: evaluasi.id }, data: { position: evaluasi.position - 1, history }, include: WITH_WORK });
    await sendCard(ctx, lower, note);
  } else {
    await ctx.tx.evaluasi.update({ where: { id: evaluasi.id }, data: { status: 'RETURNED', history } });
    ctx.notify(evaluasi.submitterId, text('evaluasi.dikembalikan', { nomor: evaluasi.number, subjek: subjectOf(evaluasi), hasil: outcome }));
  }
  ctx.reply(text('evaluasi.tercatat', { nomor: evaluasi.number }));
  ctx.audit({ action: 'evaluasi.kembalikan', outcome: 'OK', rule: 'WF-9 T2', subject: `evaluasi:${evaluasi.id}` });
}
