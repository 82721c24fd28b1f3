import type { Db } from '../../db/createDb';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from '../outbox/enqueue';
import { text } from '../messages';
import { randomUUID } from 'node:crypto';

/** Ends conversations idle past their expiry and tells each pegawai so (style R6). */
export async function expireConversations(db: Db, now: Date, conversationTtlMs: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.conversation.findMany({ where: { expiresAt: { lte: now } } });
    for (const conversation of expired) {
      await tx.conversation.delete({ where: { id: conversation.id } });
      await enqueueSends(tx, [{
        id: randomUUID(),
        idempotencyKey: `expire:${conversation.id}:${conversation.updatedAt.toISOString()}`,
        to: { kind: 'pegawai', pegawaiId: conversation.pegawaiId },
        message: text('percakapan.kedaluwarsa'),
      }], { flowId: 'core', step: null, stepTtlMs: conversationTtlMs, actionTtlMs: ACTION_TOKEN_TTL_MS }, now);
    }
    return expired.length;
  });
}
