import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, type Param } from '../../catalog/t';
import { choice, label, text, type Button } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDateTime } from '../formatTime';

export const RESIGNATION_FLOW_ID = 'pengunduran-diri';
export const RESIGNATION_REASONS = ['CUTI_BESAR', 'CUTI_SAKIT', 'MUTASI', 'PROMOSI', 'LAINNYA'] as const;
export type ResignationReason = (typeof RESIGNATION_REASONS)[number];

export function resignationAllowed(ctx: FlowContext): boolean {
  return getPolicyProfile(ctx.actor.policyProfile).pengunduranDiri.enabled;
}

export function requireResignationPath(ctx: FlowContext): string {
  if (!resignationAllowed(ctx)) throw new Refused('WF-10', 'mundur.tidakBerlaku');
  return getPolicyProfile(ctx.actor.policyProfile).pengunduranDiri.citation;
}

export async function myMemberships(ctx: FlowContext) {
  return ctx.tx.membership.findMany({ where: { pegawaiId: ctx.actor.id, status: 'ACTIVE', tim: { instansiId: ctx.actor.instansiId } }, include: { tim: true }, orderBy: { tim: { name: 'asc' } } });
}

const button = (key: 'mundur.teruskan' | 'persetujuan.setujui' | 'persetujuan.tolak', action: string, id: string, style: 'primary' | 'danger'): Button =>
  ({ label: label(key), action, args: { id }, style, scope: 'action', flowId: RESIGNATION_FLOW_ID });

/**
 * WF-10 T1/T1k (SMD format 6): an anggota resigns through the ketua tim, a ketua straight to their
 * Penilai; only technical reasons, confirmed unrelated to a violation of law or the code of ethics.
 */
export async function submitResignation(ctx: FlowContext, membershipId: string, reason: ResignationReason) {
  const citation = requireResignationPath(ctx);
  const membership = (await myMemberships(ctx)).find((m) => m.id === membershipId);
  if (!membership) throw new Refused('WF-10', 'mundur.bukanAnggota');
  const ketua = membership.role === 'ANGGOTA' ? await ctx.tx.membership.findFirst({ where: { timId: membership.timId, role: 'KETUA', status: 'ACTIVE' } }) : null;
  const holderId = ketua?.pegawaiId ?? ctx.actor.penilaiId;
  if (!holderId) throw new Refused('WF-10', 'mundur.tidakAdaPenilai');
  const status = ketua ? 'SUBMITTED_TO_KETUA' : 'SUBMITTED_TO_PENILAI';
  const last = await ctx.tx.pengunduranDiri.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const request = await ctx.tx.pengunduranDiri.create({
    data: {
      instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, membershipId, pegawaiId: ctx.actor.id, timId: membership.timId,
      role: membership.role, reason, status, holderId, createdAt: ctx.now,
    },
  });
  await sendCard(ctx, request.id, citation);
  ctx.audit({ action: 'mundur.ajukan', outcome: 'OK', rule: citation, subject: `pengunduranDiri:${request.id}`, details: { status } });
  const holder = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: holderId } });
  ctx.reply(text('mundur.terkirim', { nomor: request.number, penerima: holder.name }));
}

async function sendCard(ctx: FlowContext, id: string, citation: string): Promise<void> {
  const request = await ctx.tx.pengunduranDiri.findUniqueOrThrow({ where: { id } });
  const [resigner, tim] = await Promise.all([ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId } }), ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId } })]);
  const rows = request.status === 'SUBMITTED_TO_KETUA'
    ? [[button('mundur.teruskan', 'teruskan', id, 'primary')]]
    : [[button('persetujuan.setujui', 'terima', id, 'primary'), button('persetujuan.tolak', 'tolak', id, 'danger')]];
  const messageId = ctx.notify(request.holderId, choice('mundur.kartu', rows, {
    nomor: request.number, nama: resigner.name, peran: nested(request.role === 'KETUA' ? 'tugas.peran.KETUA' : 'tugas.peran.ANGGOTA'),
    tim: tim.name, alasan: nested(`mundur.alasan.${request.reason as ResignationReason}`), citation,
  }));
  await ctx.tx.pengunduranDiri.update({ where: { id }, data: { messageId } });
}

/** Only whoever holds the request now may act: a Penilai cannot decide before the ketua forwards. */
async function requireHolder(ctx: FlowContext, id: string, statuses: string[]) {
  const request = await ctx.tx.pengunduranDiri.findFirst({ where: { id, instansiId: ctx.actor.instansiId } });
  if (!request || request.holderId !== ctx.actor.id || !statuses.includes(request.status)) throw new Refused('WF-10', 'mundur.bukanGiliran');
  return request;
}

/** The resignation waiting for the actor's decision as Penilai. */
export function requireDecisionHolder(ctx: FlowContext, id: string) {
  return requireHolder(ctx, id, ['FORWARDED_TO_PENILAI', 'SUBMITTED_TO_PENILAI']);
}

const closeCard = (ctx: FlowContext, messageId: string | null, number: number, outcome: Param) => {
  if (messageId) ctx.reply({ kind: 'edit', targetMessageId: messageId, replacement: text('mundur.kartuSelesai', { nomor: number, hasil: outcome }) });
};

/** WF-10 T2: the ketua forwards a member's resignation to the member's Penilai (a mandatory hop). */
export async function forwardResignation(ctx: FlowContext, id: string): Promise<void> {
  const citation = requireResignationPath(ctx);
  const request = await requireHolder(ctx, id, ['SUBMITTED_TO_KETUA']);
  const resigner = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId } });
  if (!resigner.penilaiId) throw new Refused('WF-10', 'mundur.tidakAdaPenilai');
  await ctx.tx.pengunduranDiri.update({ where: { id }, data: { status: 'FORWARDED_TO_PENILAI', holderId: resigner.penilaiId } });
  closeCard(ctx, request.messageId, request.number, nested('evaluasi.diteruskanOleh', { nama: ctx.actor.name, waktu: formatDateTime(ctx.now, ctx.actor.timeZone) }));
  await sendCard(ctx, id, citation);
  ctx.audit({ action: 'mundur.teruskan', outcome: 'OK', rule: 'WF-10 T2', subject: `pengunduranDiri:${id}` });
}

/** WF-10 T3: the Penilai accepts (the membership ends; a ketua's team is left without one) or declines with a reason. */
export async function decideResignation(ctx: FlowContext, id: string, accept: boolean, reason: string | null): Promise<void> {
  const request = await requireHolder(ctx, id, ['FORWARDED_TO_PENILAI', 'SUBMITTED_TO_PENILAI']);
  const waktu = formatDateTime(ctx.now, ctx.actor.timeZone);
  const outcome = accept
    ? nested('persetujuan.disetujuiOleh', { nama: ctx.actor.name, atasNama: '', waktu })
    : nested('persetujuan.ditolakOleh', { nama: ctx.actor.name, atasNama: '', waktu, alasan: reason ?? '-' });
  await ctx.tx.pengunduranDiri.update({ where: { id }, data: { status: accept ? 'ACCEPTED' : 'DECLINED', decision: reason, decidedAt: ctx.now } });
  if (accept) await ctx.tx.membership.update({ where: { id: request.membershipId }, data: { status: 'ENDED', endsOn: ctx.now } });
  closeCard(ctx, request.messageId, request.number, outcome);
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId }, include: { ownerUnit: true, memberships: { where: { role: 'KETUA', status: 'ACTIVE' } } } });
  const resigner = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId } });
  const news = text('mundur.kabar', { nomor: request.number, nama: resigner.name, tim: tim.name, hasil: outcome });
  const told = new Set([request.pegawaiId, ...tim.memberships.map((m) => m.pegawaiId), ...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : [])]);
  told.delete(ctx.actor.id);
  for (const pegawaiId of told) ctx.notify(pegawaiId, news);
  if (accept && request.role === 'KETUA' && tim.ownerUnit.headId) ctx.notify(tim.ownerUnit.headId, text('mundur.ketuaKosong', { tim: tim.name }));
  ctx.audit({ action: accept ? 'mundur.terima' : 'mundur.tolak', outcome: 'OK', rule: 'WF-10 T3', subject: `pengunduranDiri:${id}` });
}
