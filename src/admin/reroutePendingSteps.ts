import { randomUUID } from 'node:crypto';
import { appendAudit } from '../core/auth/audit';
import { ACTION_TOKEN_TTL_MS, enqueueSends, type PendingSend } from '../core/outbox/enqueue';
import { stepCardSends } from '../core/domain/pengajuan/notifyStep';
import { moveWaitingSteps } from '../core/domain/pengajuan/waitingStepMoves';
import type { ApplyContext } from './applyOrganisation';

const TOKENS = { flowId: 'impor', step: null, stepTtlMs: 0, actionTtlMs: ACTION_TOKEN_TTL_MS };

/**
 * An import that changes who holds a role moves each step still to be decided by the old holder to
 * the new one; an open step's card goes to them (and their delegates) and replaces the old card,
 * so no request waits for someone who can no longer decide it.
 */
export async function reroutePendingSteps(ctx: ApplyContext): Promise<void> {
  const moves = await moveWaitingSteps(ctx.tx, { instansiId: ctx.instansiId }, ctx.now, 'DATA');
  const sends: PendingSend[] = [];
  // A step may move to the same holder again at a later import: each move's sends are its own.
  const key = (move: (typeof moves)[number], what: string) => `dialihkan:${move.stepId}:${move.from}:${move.to}:${ctx.now.toISOString()}:${what}`;
  for (const move of moves.filter((m) => m.open || m.oldCards.length > 0)) {
    if (move.open) {
      const card = await stepCardSends(ctx.tx, move.penugasanId, move.stepId, ctx.timeZone, ctx.now);
      const cards = card.recipients.map((pegawaiId) => ({ id: randomUUID(), idempotencyKey: key(move, `kartu:${pegawaiId}`), to: { kind: 'pegawai' as const, pegawaiId }, message: card.message }));
      await ctx.tx.approvalStep.update({ where: { id: move.stepId }, data: { messageIds: JSON.stringify(cards.map((c) => c.id)) } });
      sends.push(...cards);
    }
    sends.push(
      ...move.oldCards.map((messageId) => ({
        id: randomUUID(), idempotencyKey: key(move, `lama:${messageId}`), to: { kind: 'pegawai' as const, pegawaiId: move.from },
        message: { kind: 'edit' as const, targetMessageId: messageId, replacement: move.replacement },
      })),
      ...move.notices.map((n, i) => ({ id: randomUUID(), idempotencyKey: key(move, `kabar:${i}`), to: { kind: 'pegawai' as const, pegawaiId: n.to }, message: n.message })),
    );
  }
  await enqueueSends(ctx.tx, sends, TOKENS, ctx.now);
  await appendAudit(ctx.tx, moves.map((move) => ({
    instansiId: ctx.instansiId, at: ctx.now, actorId: null, platform: 'admin', action: 'persetujuan.dialihkan', outcome: 'OK', rule: 'C7',
    subject: `penugasan:${move.penugasanId}`, details: { stepId: move.stepId, dari: move.from, ke: move.to, terbuka: move.open, digabung: move.merged, sebab: 'data organisasi berubah' },
  })));
}
