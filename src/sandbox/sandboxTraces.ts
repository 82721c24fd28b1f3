import { rmSync } from 'node:fs';
import type { Db } from '../db/createDb';
import { SANDBOX_ID_BASE } from './personas';
import { SandboxClock } from './sandboxClock';

const isSandboxAccount = (identity: { platform: string; accountId: string }) =>
  identity.platform === 'telegram' && Number(identity.accountId) >= SANDBOX_ID_BASE;

/**
 * Accounts linked on a real platform. The sandbox will not run on such a database: its local Bot
 * API knows none of their chats, and every refused send would mark a real account unreachable.
 */
export async function realAccounts(db: Db): Promise<number> {
  const identities = await db.platformIdentity.findMany({ select: { platform: true, accountId: true } });
  return identities.filter((identity) => !isSandboxAccount(identity)).length;
}

/**
 * A start on a real platform clears what the sandbox left: its accounts and, when its clock had
 * jumped ahead, the scheduler's records dated in that future, which would otherwise keep real
 * reminders and digests from being sent until the real clock caught up.
 */
export async function forgetSandbox(db: Db, clockFile: string, now: Date): Promise<{ accounts: number; schedulerRecords: number }> {
  const telegram = await db.platformIdentity.findMany({ where: { platform: 'telegram' }, select: { id: true, platform: true, accountId: true } });
  const sandbox = telegram.filter(isSandboxAccount).map((identity) => identity.id);
  for (const id of sandbox) await db.platformIdentity.delete({ where: { id } });
  let schedulerRecords = 0;
  if (SandboxClock.storedOffset(clockFile) > 0) {
    schedulerRecords = (await db.scheduledRun.deleteMany({ where: { dueAt: { gt: now } } })).count;
    rmSync(clockFile, { force: true });
  }
  return { accounts: sandbox.length, schedulerRecords };
}
