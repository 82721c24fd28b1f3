import { randomBytes } from 'node:crypto';
import type { Tx } from '../../db/tx';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `t:` + 12 base62 chars = 14 bytes, far inside Telegram's 64-byte callback_data limit. */
export function newTokenId(): string {
  const bytes = randomBytes(12);
  let id = 't:';
  for (const byte of bytes) id += BASE62[byte % 62];
  return id;
}

export interface TokenSpec {
  kind: 'STEP' | 'ACTION';
  flowId: string;
  step: string | null;
  action: string;
  args: Record<string, string>;
  allowedIds: string[] | null;
  messageId: string;
  expiresAt: Date;
}

export async function issueToken(tx: Tx, spec: TokenSpec): Promise<string> {
  const id = newTokenId();
  await tx.buttonToken.create({
    data: {
      id, kind: spec.kind, flowId: spec.flowId, step: spec.step, action: spec.action, args: JSON.stringify(spec.args),
      allowedIds: spec.allowedIds ? JSON.stringify(spec.allowedIds) : null, messageId: spec.messageId, expiresAt: spec.expiresAt,
    },
  });
  return id;
}

export type ResolvedToken =
  | { status: 'unknown' | 'expired' | 'used' }
  | { status: 'forbidden'; tokenId: string }
  | { status: 'ok'; token: TokenSpec & { id: string } };

/** Resolves a pressed token for this presser; the wrong presser is told apart so it can be audited. */
export async function resolveToken(tx: Tx, tokenId: string, presserId: string, now: Date): Promise<ResolvedToken> {
  const row = await tx.buttonToken.findUnique({ where: { id: tokenId } });
  if (!row) return { status: 'unknown' };
  const allowed = row.allowedIds ? (JSON.parse(row.allowedIds) as string[]) : null;
  if (allowed && !allowed.includes(presserId)) return { status: 'forbidden', tokenId };
  if (row.expiresAt <= now) return { status: 'expired' };
  if (row.usedAt && row.singleUse) return { status: 'used' };
  return {
    status: 'ok',
    token: {
      id: row.id, kind: row.kind as 'STEP' | 'ACTION', flowId: row.flowId, step: row.step, action: row.action,
      args: JSON.parse(row.args) as Record<string, string>, allowedIds: allowed, messageId: row.messageId ?? '', expiresAt: row.expiresAt,
    },
  };
}

/** Spends the pressed token and every sibling on the same message: one choice per message. */
export async function spendMessageTokens(tx: Tx, tokenId: string, messageId: string, now: Date): Promise<void> {
  await tx.buttonToken.updateMany({ where: { OR: [{ id: tokenId }, ...(messageId ? [{ messageId }] : [])], usedAt: null }, data: { usedAt: now } });
}
