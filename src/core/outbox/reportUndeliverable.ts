import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { appendAudit } from '../auth/audit';
import { text } from '../messages';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from './enqueue';

/**
 * A platform refused a message for good (bot blocked, chat gone, token revoked): the pegawai's
 * identity is marked unreachable and the instansi's admins are told, once per identity.
 */
export async function reportUndeliverable(db: Db, row: { id: string; platform: string; pegawaiId: string | null; address: string }, code: string, now: Date): Promise<void> {
  if (!row.pegawaiId) return;
  await db.$transaction(async (tx) => {
    const pegawai = await tx.pegawai.findUnique({ where: { id: row.pegawaiId! }, include: { identities: { where: { platform: row.platform } } } });
    const identity = pegawai?.identities[0];
    // Only a failure in the pegawai's own chat says the pegawai is unreachable (not one in a group).
    const chatId = (JSON.parse(row.address) as { chatId: string }).chatId;
    if (!pegawai || !identity || identity.unreachableAt || identity.chatId !== chatId) return;
    await tx.platformIdentity.update({ where: { id: identity.id }, data: { unreachableAt: now, unreachableReason: code } });
    const admins = await tx.roleHolder.findMany({ where: { instansiId: pegawai.instansiId, role: 'ADMIN' } });
    await enqueueSends(tx, admins.filter((a) => a.pegawaiId !== pegawai.id).map((admin) => ({
      id: randomUUID(), idempotencyKey: `unreachable:${identity.id}:${now.toISOString()}:${admin.pegawaiId}`,
      to: { kind: 'pegawai' as const, pegawaiId: admin.pegawaiId },
      message: text('admin.akunTidakTerjangkau', { nama: pegawai.name, nip: pegawai.nip, platform: row.platform, alasan: code }),
    })), { flowId: 'core', step: null, stepTtlMs: ACTION_TOKEN_TTL_MS, actionTtlMs: ACTION_TOKEN_TTL_MS }, now);
    await appendAudit(tx, [{
      instansiId: pegawai.instansiId, at: now, actorId: null, platform: row.platform, action: 'identitas.tidakTerjangkau',
      outcome: 'OK', subject: `pegawai:${pegawai.id}`, details: { code, outboxId: row.id },
    }]);
  });
}
