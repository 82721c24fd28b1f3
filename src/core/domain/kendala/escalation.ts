import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested, t } from '../../catalog/t';
import { choice, label, text, type Button } from '../../messages';
import { formatDateTime } from '../formatTime';

export const KENDALA_FLOW_ID = 'kendala';

export interface KendalaInput {
  timId: string;
  permasalahan: string;
  kendala: string;
  alternatives: string[];
  collaboration: boolean;
}

/**
 * WF-8 T1–T2: the team (through its ketua, R1) raises permasalahan and kendala with at least one
 * recommended alternative to the owner unit's head, who decides; with "kolaborasi lintas
 * pimpinan" the members' home unit heads receive it too, to follow up within their own duties.
 */
export async function raiseKendala(ctx: FlowContext, input: KendalaInput) {
  const tim = await ctx.tx.timKerja.findFirst({
    where: { id: input.timId, instansiId: ctx.actor.instansiId, memberships: { some: { pegawaiId: ctx.actor.id, role: 'KETUA', status: 'ACTIVE' } } },
    include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: { include: { homeUnit: true } } } } },
  });
  if (!tim) throw new Refused('WF-8', 'kendala.bukanKetua');
  if (input.alternatives.length === 0) throw new Refused('WF-8', 'kendala.butuhAlternatif');
  const deciderId = tim.ownerUnit.headId;
  if (!deciderId) throw new Refused('WF-8', 'kendala.tidakAdaPemilik');
  const followers = input.collaboration
    ? [...new Set(tim.memberships.map((m) => m.pegawai.homeUnit.headId).filter((id): id is string => !!id && id !== deciderId && id !== ctx.actor.id))]
    : [];
  const last = await ctx.tx.kendala.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const kendala = await ctx.tx.kendala.create({
    data: {
      instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, timId: tim.id, raisedById: ctx.actor.id, permasalahan: input.permasalahan,
      kendala: input.kendala, alternatives: JSON.stringify(input.alternatives), collaboration: input.collaboration, status: 'RAISED', createdAt: ctx.now,
    },
  });
  const summary = nested('kendala.ringkasan', {
    nomor: kendala.number, tim: tim.name, pengaju: ctx.actor.name, permasalahan: input.permasalahan, kendala: input.kendala,
    alternatif: input.alternatives.map((a, i) => `${i + 1}. ${a}`).join('\n'),
  });
  const recipients = [{ pegawaiId: deciderId, role: 'DECIDER' }, ...followers.map((pegawaiId) => ({ pegawaiId, role: 'FOLLOW_UP' }))];
  for (const recipient of recipients) {
    const messageId = ctx.notify(recipient.pegawaiId, choice(recipient.role === 'DECIDER' ? 'kendala.untukPemilik' : 'kendala.untukTindakLanjut', cardButtons(kendala.id, recipient.role, input.alternatives.length), { ringkasan: summary }));
    await ctx.tx.kendalaRecipient.create({ data: { kendalaId: kendala.id, ...recipient, messageId } });
  }
  ctx.audit({ action: 'kendala.ajukan', outcome: 'OK', rule: 'WF-8 T1', subject: `kendala:${kendala.id}`, details: { followers: followers.length } });
  ctx.reply(text('kendala.terkirim', { nomor: kendala.number, jumlah: recipients.length }));
  return kendala;
}

function cardButtons(kendalaId: string, role: string, alternatives: number): Button[][] {
  const button = (key: 'kendala.pilihAlternatif' | 'kendala.putuskanLain' | 'kendala.catatTindakLanjut', action: string, args: Record<string, string> = {}, n = 0): Button =>
    ({ label: label(key, { n }), action, args: { kendalaId, ...args }, scope: 'action', flowId: KENDALA_FLOW_ID });
  const followUp = [button('kendala.catatTindakLanjut', 'tindaklanjut')];
  if (role !== 'DECIDER') return [followUp];
  const choices = Array.from({ length: alternatives }, (_, i) => [button('kendala.pilihAlternatif', 'pilih', { n: String(i + 1) }, i + 1)]);
  return [...choices, [button('kendala.putuskanLain', 'lain')], followUp];
}

async function loadFor(ctx: FlowContext, kendalaId: string) {
  const kendala = await ctx.tx.kendala.findFirst({ where: { id: kendalaId, instansiId: ctx.actor.instansiId }, include: { recipients: true, tim: { include: { memberships: { where: { status: 'ACTIVE' } } } } } });
  const mine = kendala?.recipients.find((r) => r.pegawaiId === ctx.actor.id);
  if (!kendala || !mine) throw new Refused('WF-8', 'kendala.bukanPenerima');
  return { kendala, mine };
}

/** WF-8 T3: only the owner unit's head decides ("diputuskan"); the others may only follow up. */
export async function decideKendala(ctx: FlowContext, kendalaId: string, input: { alternative?: number; note?: string }): Promise<void> {
  const { kendala, mine } = await loadFor(ctx, kendalaId);
  if (mine.role !== 'DECIDER') throw new Refused('WF-8 T3', 'kendala.hanyaPemilik');
  if (kendala.status !== 'RAISED') {
    ctx.reply(text('persetujuan.sudahDiputuskan'));
    return;
  }
  const alternatives = JSON.parse(kendala.alternatives) as string[];
  const decision = input.alternative ? t('id', 'kendala.keputusanAlternatif', { n: input.alternative, isi: alternatives[input.alternative - 1] ?? '-' }) : input.note ?? '-';
  await ctx.tx.kendala.update({ where: { id: kendalaId }, data: { status: 'DECIDED', decision, decidedById: ctx.actor.id, decidedAt: ctx.now } });
  const outcome = nested('kendala.diputuskanOleh', { nama: ctx.actor.name, waktu: formatDateTime(ctx.now, ctx.actor.timeZone), keputusan: decision });
  if (mine.messageId) ctx.reply({ kind: 'edit', targetMessageId: mine.messageId, replacement: text('kendala.kartuSelesai', { nomor: kendala.number, hasil: outcome }) });
  for (const member of kendala.tim.memberships) ctx.notify(member.pegawaiId, text('kendala.kabarTim', { nomor: kendala.number, tim: kendala.tim.name, hasil: outcome }));
  ctx.audit({ action: 'kendala.putuskan', outcome: 'OK', rule: 'WF-8 T3', subject: `kendala:${kendalaId}` });
}

/** WF-8 T3': any recipient records how they followed up; the raiser is told. */
export async function followUpKendala(ctx: FlowContext, kendalaId: string, note: string): Promise<void> {
  const { kendala } = await loadFor(ctx, kendalaId);
  await ctx.tx.kendalaFollowUp.create({ data: { kendalaId, authorId: ctx.actor.id, note, at: ctx.now } });
  ctx.notify(kendala.raisedById, text('kendala.tindakLanjutMasuk', { nomor: kendala.number, nama: ctx.actor.name, catatan: note }));
  ctx.reply(text('kendala.tindakLanjutTercatat', { nomor: kendala.number }));
  ctx.audit({ action: 'kendala.tindakLanjut', outcome: 'OK', rule: "WF-8 T3'", subject: `kendala:${kendalaId}` });
}

export async function requireRecipient(ctx: FlowContext, kendalaId: string) {
  return (await loadFor(ctx, kendalaId)).kendala;
}

/** Open kendala the actor raised, received or whose team they are in, with their age in days. */
export async function openKendala(ctx: FlowContext) {
  const rows = await ctx.tx.kendala.findMany({
    where: {
      instansiId: ctx.actor.instansiId, status: 'RAISED',
      OR: [{ raisedById: ctx.actor.id }, { recipients: { some: { pegawaiId: ctx.actor.id } } }, { tim: { memberships: { some: { pegawaiId: ctx.actor.id, status: 'ACTIVE' } } } }],
    },
    include: { tim: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((k) => ({ nomor: k.number, tim: k.tim.name, kendala: k.kendala, umurHari: Math.floor((ctx.now.getTime() - k.createdAt.getTime()) / 86_400_000) }));
}
