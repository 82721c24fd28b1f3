import { randomUUID } from 'node:crypto';
import { appendAudit } from '../core/auth/audit';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from '../core/outbox/enqueue';
import { moveWaitingSteps } from '../core/domain/pengajuan/waitingStepMoves';
import type { ApplyContext } from './applyOrganisation';

const TOKENS = { flowId: 'impor', step: null, stepTtlMs: 0, actionTtlMs: ACTION_TOKEN_TTL_MS };

/**
 * An import that changes who holds a role moves each step still waiting for the old holder to the
 * new one, with its card, so no request waits for someone who can no longer decide it.
 */
export async function reroutePendingSteps(ctx: ApplyContext): Promise<void> {
  const moves = await moveWaitingSteps(ctx.tx, { instansiId: ctx.instansiId }, ctx.now, ctx.timeZone);
  await enqueueSends(ctx.tx, moves.flatMap((move) => move.messages.map((m) => ({
    id: randomUUID(), idempotencyKey: `dialihkan:${move.stepId}:${move.to}:${m.tag}`, to: { kind: 'pegawai' as const, pegawaiId: m.to }, message: m.message,
  }))), TOKENS, ctx.now);
  await appendAudit(ctx.tx, moves.map((move) => ({
    instansiId: ctx.instansiId, at: ctx.now, actorId: null, platform: 'admin', action: 'persetujuan.dialihkan', outcome: 'OK', rule: 'C7',
    subject: `penugasan:${move.penugasanId}`, details: { stepId: move.stepId, dari: move.from, ke: move.to, sebab: 'data organisasi berubah' },
  })));
}
