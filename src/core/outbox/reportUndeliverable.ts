import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/createDb';
import { appendAudit } from '../auth/audit';
import { text } from '../messages';
import type { Platform } from '../events';
import { ACTION_TOKEN_TTL_MS, enqueueSends } from './enqueue';

type FailedRow = { id: string; platform: string; pegawaiId: string | null; address: string };
const TOKENS = { flowId: 'core', step: null, stepTtlMs: ACTION_TOKEN_TTL_MS, actionTtlMs: ACTION_TOKEN_TTL_MS };

/**
 * A platform refused a message for good. The bot's token no longer works: every admin is told
 * (once a day). A team's group or channel is gone or closed to the bot: the instansi's admins and
 * whoever linked it are told, once. A pegawai blocked the bot or left: their identity is marked
 * unreachable and the admins are told, once per identity.
 */
export async function reportUndeliverable(db: Db, row: FailedRow, code: string, now: Date, credentials = false): Promise<void> {
  if (credentials) return reportCredentials(db, row, code, now);
  // A reply to a pegawai in a group carries their id too: the address says which kind of chat failed.
  if (row.pegawaiId && await reportPegawai(db, row, code, now)) return;
  await reportChat(db, row, code, now);
}

/** False when the failed chat is not the pegawai's own DM. */
async function reportPegawai(db: Db, row: FailedRow, code: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const pegawai = await tx.pegawai.findUnique({ where: { id: row.pegawaiId! }, include: { identities: { where: { platform: row.platform } } } });
    const identity = pegawai?.identities[0];
    const chatId = (JSON.parse(row.address) as { chatId: string }).chatId;
    if (!pegawai || !identity || identity.chatId !== chatId) return false;
    if (identity.unreachableAt) return true;
    await tx.platformIdentity.update({ where: { id: identity.id }, data: { unreachableAt: now, unreachableReason: code } });
    const admins = await tx.roleHolder.findMany({ where: { instansiId: pegawai.instansiId, role: 'ADMIN' } });
    await enqueueSends(tx, admins.filter((a) => a.pegawaiId !== pegawai.id).map((admin) => ({
      id: randomUUID(), idempotencyKey: `unreachable:${identity.id}:${now.toISOString()}:${admin.pegawaiId}`,
      to: { kind: 'pegawai' as const, pegawaiId: admin.pegawaiId },
      message: text('admin.akunTidakTerjangkau', { nama: pegawai.name, nip: pegawai.nip, platform: row.platform, alasan: code }),
    })), TOKENS, now);
    await appendAudit(tx, [{
      instansiId: pegawai.instansiId, at: now, actorId: null, platform: row.platform, action: 'identitas.tidakTerjangkau',
      outcome: 'OK', subject: `pegawai:${pegawai.id}`, details: { code, outboxId: row.id },
    }]);
    return true;
  });
}

async function reportChat(db: Db, row: FailedRow, code: string, now: Date): Promise<void> {
  const { chatId, workspace } = JSON.parse(row.address) as { chatId: string; workspace: string };
  await db.$transaction(async (tx) => {
    const chats = await tx.teamChat.findMany({ where: { platform: row.platform, workspace, chatId }, include: { tim: true } });
    // A command sent from a group the bot may not write in: its answer goes to the sender instead.
    if (chats.length === 0 && row.pegawaiId) {
      await enqueueSends(tx, [{
        id: randomUUID(), idempotencyKey: `unreachable-chat:${row.id}`, to: { kind: 'pegawai', pegawaiId: row.pegawaiId },
        message: text('grup.botBukanAnggota', { alasan: code }),
      }], TOKENS, now);
    }
    for (const chat of chats) {
      const admins = await tx.roleHolder.findMany({ where: { instansiId: chat.tim.instansiId, role: 'ADMIN' } });
      const people = [...new Set([...admins.map((a) => a.pegawaiId), chat.linkedById])];
      await enqueueSends(tx, people.map((pegawaiId) => ({
        id: randomUUID(), idempotencyKey: `unreachable-chat:${chat.id}:${code}:${pegawaiId}`, to: { kind: 'pegawai' as const, pegawaiId },
        message: text('admin.grupTidakTerjangkau', { tim: chat.tim.name, platform: row.platform, alasan: code }),
      })), TOKENS, now);
      await appendAudit(tx, [{
        instansiId: chat.tim.instansiId, at: now, actorId: null, platform: row.platform, action: 'grup.tidakTerjangkau',
        outcome: 'OK', subject: `tim:${chat.timId}`, details: { code, outboxId: row.id },
      }]);
    }
  });
}

/**
 * The bot's token is per deployment, not per instansi: every admin hears of it, once a day, on
 * each of their accounts on another platform (the failing one cannot carry the news).
 */
async function reportCredentials(db: Db, row: FailedRow, code: string, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await db.$transaction(async (tx) => {
    // Every queued row fails the same way: the news goes out once a day, not once per row.
    if (await tx.auditLog.findFirst({ where: { action: 'platform.aksesDitolak', platform: row.platform, at: { gte: new Date(`${day}T00:00:00Z`) } } })) return;
    const admins = await tx.roleHolder.findMany({
      where: { role: 'ADMIN' }, include: { pegawai: { include: { identities: { where: { platform: { not: row.platform }, unreachableAt: null } } } } },
    });
    await enqueueSends(tx, admins.flatMap((admin) => admin.pegawai.identities.map((identity) => ({
      id: randomUUID(), idempotencyKey: `platform-credentials:${row.platform}:${code}:${day}:${identity.id}`,
      to: { kind: 'address' as const, platform: identity.platform as Platform, address: { workspace: identity.workspace, chatId: identity.chatId }, locale: admin.pegawai.locale, pegawaiId: admin.pegawaiId },
      message: text('admin.aksesPlatformDitolak', { platform: row.platform, alasan: code }),
    }))), TOKENS, now);
    for (const instansiId of new Set(admins.map((a) => a.instansiId))) {
      await appendAudit(tx, [{ instansiId, at: now, actorId: null, platform: row.platform, action: 'platform.aksesDitolak', outcome: 'OK', details: { code, outboxId: row.id } }]);
    }
  });
}
