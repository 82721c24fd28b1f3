import type { Tx } from '../../../db/tx';
import type { FlowContext, ReadContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { taskSubject, teamSubject } from '../workSubject';

/**
 * Who issued an assignment: whoever designated the official (for a request to another unit, the
 * head who asked), or for a volunteer or a proposal (WF-1) the last approver.
 */
async function issuerOf(tx: Tx, penugasan: { id: string; workflow: string; assignerId: string | null }): Promise<string | null> {
  if (penugasan.assignerId && penugasan.workflow !== 'WF-1') return penugasan.assignerId;
  const last = await tx.approvalStep.findFirst({ where: { penugasanId: penugasan.id, status: 'APPROVED' }, orderBy: { position: 'desc' } });
  return last?.decidedById ?? penugasan.assignerId;
}

const withPeople = {
  pegawai: { select: { name: true } },
  tim: { select: { name: true, ownerUnit: { select: { headId: true } }, memberships: { where: { role: 'KETUA', status: 'ACTIVE' }, select: { pegawaiId: true } } } },
} as const;

/** The active assignments this official issued and may therefore cancel (S3). */
export async function cancellableAssignments(ctx: ReadContext) {
  const active = await ctx.tx.penugasan.findMany({
    where: { instansiId: ctx.actor.instansiId, status: 'ACTIVE', OR: [{ assignerId: ctx.actor.id }, { steps: { some: { decidedById: ctx.actor.id } } }] },
    include: withPeople, orderBy: { number: 'asc' },
  });
  const mine = [];
  for (const penugasan of active) if ((await issuerOf(ctx.tx, penugasan)) === ctx.actor.id) mine.push(penugasan);
  return mine;
}

/**
 * S3 (the regulations are silent; kebijakan instansi): only the issuer cancels an active
 * assignment, always with a reason. The membership ends now; the official, the team's ketua and
 * the owner unit's head are told (S12).
 */
export async function cancelAssignment(ctx: FlowContext, penugasanId: string, alasan: string): Promise<void> {
  const penugasan = await ctx.tx.penugasan.findFirst({ where: { id: penugasanId, instansiId: ctx.actor.instansiId }, include: withPeople });
  if (!penugasan || (await issuerOf(ctx.tx, penugasan)) !== ctx.actor.id) throw new Refused('S3', 'pembatalan.bukanPemberi');
  if (penugasan.status !== 'ACTIVE') {
    ctx.reply(text('pembatalan.tidakAktif', { nomor: penugasan.number }));
    return;
  }
  const details = JSON.parse(penugasan.details) as Record<string, unknown>;
  await ctx.tx.penugasan.update({
    where: { id: penugasanId },
    data: { status: 'CANCELLED', endsOn: ctx.now, details: JSON.stringify({ ...details, pembatalan: { alasan, olehId: ctx.actor.id, pada: ctx.now.toISOString() } }) },
  });
  await ctx.tx.membership.updateMany({ where: { penugasanId, status: 'ACTIVE' }, data: { status: 'ENDED', endsOn: ctx.now } });
  const subjek = penugasan.tim ? teamSubject(penugasan.tim.name) : taskSubject(penugasan.details);
  ctx.notify(penugasan.pegawaiId, text('pembatalan.masuk', { nomor: penugasan.number, subjek, pemberi: ctx.actor.name, alasan }));
  const informed = new Set([penugasan.tim?.ownerUnit.headId, ...(penugasan.tim?.memberships.map((m) => m.pegawaiId) ?? [])]);
  for (const pegawaiId of informed) {
    if (pegawaiId && pegawaiId !== ctx.actor.id && pegawaiId !== penugasan.pegawaiId) {
      ctx.notify(pegawaiId, text('pembatalan.tembusan', { nomor: penugasan.number, nama: penugasan.pegawai.name, subjek, pemberi: ctx.actor.name, alasan }));
    }
  }
  ctx.audit({ action: 'penugasan.batal', outcome: 'OK', subject: `penugasan:${penugasanId}`, rule: 'S3', details: { alasan } });
  ctx.reply(text('pembatalan.tercatat', { nomor: penugasan.number, nama: penugasan.pegawai.name }));
}
