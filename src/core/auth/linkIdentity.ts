import type { Tx } from '../../db/tx';
import type { AccountRef } from '../events';
import { hashLinkCode } from './linkCodes';
import type { AuditEntry } from './audit';

export type LinkOutcome =
  | { status: 'invalid' }
  | { status: 'linked'; pegawai: { id: string; name: string; nip: string; jabatan: string; instansiId: string }; replacedAccount: boolean };

/** Spends a link code on this chat account (one code → one account, never reused). */
export async function linkIdentity(tx: Tx, code: string, account: AccountRef, now: Date, audit: (entry: AuditEntry) => void): Promise<LinkOutcome> {
  const row = await tx.linkCode.findUnique({ where: { codeHash: hashLinkCode(code) }, include: { pegawai: true } });
  if (!row || row.usedAt || row.expiresAt <= now || !row.pegawai.active) {
    const reason = !row ? 'unknown' : row.usedAt ? 'used' : 'expired';
    audit({
      instansiId: row?.instansiId ?? null, at: now, actorId: null, platform: account.platform,
      action: 'identitas.hubungkan', rule: 'LINK_CODE', outcome: 'REFUSED', details: { reason },
    });
    return { status: 'invalid' };
  }
  await tx.linkCode.update({ where: { id: row.id }, data: { usedAt: now } });
  // An account belongs to one pegawai (a deactivated one may still hold it), and a pegawai keeps
  // one account per platform and workspace: relinking replaces the old account.
  await tx.platformIdentity.deleteMany({ where: { platform: account.platform, workspace: account.workspace, accountId: account.accountId } });
  const replaced = await tx.platformIdentity.deleteMany({
    where: { pegawaiId: row.pegawaiId, platform: account.platform, workspace: account.workspace },
  });
  await tx.platformIdentity.create({
    data: {
      pegawaiId: row.pegawaiId, platform: account.platform, workspace: account.workspace,
      accountId: account.accountId, chatId: account.chatId, linkedAt: now,
    },
  });
  audit({
    instansiId: row.instansiId, at: now, actorId: row.pegawaiId, platform: account.platform,
    action: replaced.count > 0 ? 'identitas.hubungkanUlang' : 'identitas.hubungkan', outcome: 'OK', subject: `pegawai:${row.pegawaiId}`,
  });
  const { id, name, nip, jabatan, instansiId } = row.pegawai;
  return { status: 'linked', pegawai: { id, name, nip, jabatan, instansiId }, replacedAccount: replaced.count > 0 };
}
