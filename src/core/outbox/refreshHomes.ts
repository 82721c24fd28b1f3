import { inChunks } from '../../db/inChunks';
import type { Tx } from '../../db/tx';
import { loadPegawai, toActor } from '../auth/resolveActor';
import { homeView } from '../domain/beranda/homeView';

/**
 * Enqueues a fresh home view for each pegawai linked on a platform that has one, rendered from
 * the data as this transaction leaves it. Only the newest view matters: older unsent ones are superseded.
 */
export async function refreshHomes(tx: Tx, pegawaiIds: string[], cause: string, now: Date, platforms: string[]): Promise<void> {
  if (pegawaiIds.length === 0 || platforms.length === 0) return;
  const identities = await inChunks(pegawaiIds, (ids) => tx.platformIdentity.findMany({ where: { pegawaiId: { in: ids }, platform: { in: platforms }, unreachableAt: null } }));
  for (const identity of identities) {
    const pegawai = await loadPegawai(tx, identity.pegawaiId);
    if (!pegawai?.active) continue;
    const view = await homeView({ tx, actor: toActor(pegawai), now });
    const idempotencyKey = `home:${identity.id}:${cause}`;
    if (await tx.outboxMessage.findUnique({ where: { idempotencyKey } })) continue;
    await tx.outboxMessage.updateMany({
      where: { pegawaiId: identity.pegawaiId, platform: identity.platform, status: 'PENDING', claimedUntil: null, idempotencyKey: { startsWith: `home:${identity.id}:` } },
      data: { status: 'SUPERSEDED' },
    });
    await tx.outboxMessage.create({
      data: {
        idempotencyKey, platform: identity.platform, pegawaiId: identity.pegawaiId, status: 'PENDING', nextAttemptAt: now,
        // A home view belongs to the user, not to a chat: the address names the account.
        address: JSON.stringify({ workspace: identity.workspace, chatId: identity.accountId }),
        payload: JSON.stringify({ kind: 'home', ...view }),
      },
    });
  }
}
