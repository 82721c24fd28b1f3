import { randomUUID } from 'node:crypto';
import { appendAudit } from '../core/auth/audit';
import { text } from '../core/messages';
import { ACTION_TOKEN_TTL_MS, enqueueSends, type PendingSend } from '../core/outbox/enqueue';
import type { ApplyContext } from './applyOrganisation';

// The notices carry no buttons; a token context is still required by the outbox.
const NOTICE_TOKENS = { flowId: 'impor', step: null, stepTtlMs: 0, actionTtlMs: ACTION_TOKEN_TTL_MS };

/**
 * S12 for officials the import no longer lists (mutasi, pensiun): their team seats end that day,
 * and each team's ketua and owner unit head are told. A team that lost its ketua is left to the
 * owner unit's head to fill with /tunjukketua (WF-11; TBB Lamp. D.f: "kekosongan jabatan,
 * perpindahan ketua tim").
 */
export async function endSeatsOfGone(ctx: ApplyContext, gone: Array<{ id: string; name: string }>): Promise<void> {
  const sends: PendingSend[] = [];
  for (const pegawai of gone) {
    const seats = await ctx.tx.membership.findMany({
      where: { pegawaiId: pegawai.id, status: 'ACTIVE' },
      include: { tim: { include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE', role: 'KETUA' } } } } },
    });
    for (const seat of seats) {
      await ctx.tx.membership.update({ where: { id: seat.id }, data: { status: 'ENDED', endsOn: ctx.now } });
      if (seat.penugasanId) await ctx.tx.penugasan.updateMany({ where: { id: seat.penugasanId, status: 'ACTIVE' }, data: { status: 'ENDED' } });
      const notice = text(seat.role === 'KETUA' ? 'tim.ketuaNonaktif' : 'tim.anggotaNonaktif', { nama: pegawai.name, tim: seat.tim.name });
      const told = new Set([seat.tim.ownerUnit.headId, ...seat.tim.memberships.map((m) => m.pegawaiId)].filter((id): id is string => !!id && id !== pegawai.id));
      for (const pegawaiId of told) sends.push({ id: randomUUID(), idempotencyKey: `nonaktif:${seat.id}:${pegawaiId}`, to: { kind: 'pegawai', pegawaiId }, message: notice });
      await appendAudit(ctx.tx, [{
        instansiId: ctx.instansiId, at: ctx.now, actorId: null, platform: 'admin', action: 'tim.keanggotaanBerakhir', outcome: 'OK', rule: 'S12',
        subject: `tim:${seat.timId}`, details: { pegawaiId: pegawai.id, peran: seat.role, sebab: 'tidak lagi tercatat aktif' },
      }]);
    }
  }
  await enqueueSends(ctx.tx, sends, NOTICE_TOKENS, ctx.now);
}
