import type { Db } from '../../db/createDb';
import type { Address, Clock, Logger, MessengerPort, SentRef } from '../ports';
import type { OutboundMessage } from '../messages';
import { PlatformRateLimited, PlatformRejected } from '../errors';
import { backoffMs } from './backoff';

export interface OutboxDeps {
  db: Db;
  messengers: Map<string, MessengerPort>;
  clock: Clock;
  logger: Logger;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

type StoredPayload = OutboundMessage | { kind: 'edit'; targetMessageId: string; replacement: OutboundMessage };

const CLAIM_MS = 60_000;
const lastSendAt = new Map<string, number>();

/**
 * Sends due outbox rows once each. A row is claimed with a lease before the platform call, so two
 * drainers (or a restart during a send) never both send it; a crash before the claim leaves the
 * row PENDING and it goes out after restart.
 */
export async function drainOutbox(deps: OutboxDeps, limit = 100): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  const now = deps.clock.now();
  const due = await deps.db.outboxMessage.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: now }, platform: { in: [...deps.messengers.keys()] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  for (const row of due) {
    const claimed = await deps.db.outboxMessage.updateMany({
      where: { id: row.id, status: 'PENDING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count !== 1) continue;
    const outcome = await sendOne(deps, row.id, row.platform, JSON.parse(row.address) as Address, JSON.parse(row.payload) as StoredPayload, row.idempotencyKey, row.attempts);
    result[outcome] += 1;
  }
  return result;
}

async function sendOne(
  deps: OutboxDeps, id: string, platform: string, address: Address, payload: StoredPayload, key: string, attempts: number,
): Promise<keyof DrainResult> {
  const messenger = deps.messengers.get(platform);
  if (!messenger) return 'retried';
  try {
    await spaceSends(deps, messenger);
    let sentRef: SentRef | null = null;
    if (payload.kind === 'edit') {
      const target = await deps.db.outboxMessage.findUnique({ where: { id: payload.targetMessageId } });
      if (!target?.sentRef) return await defer(deps, id, attempts, 1000, 'EDIT_TARGET_NOT_SENT');
      await messenger.edit(JSON.parse(target.sentRef) as SentRef, address, payload.replacement);
    } else {
      sentRef = await messenger.send(address, payload, key);
    }
    await deps.db.outboxMessage.update({
      where: { id }, data: { status: 'SENT', sentAt: deps.clock.now(), sentRef: sentRef ? JSON.stringify(sentRef) : null, attempts: attempts + 1, claimedUntil: null },
    });
    return 'sent';
  } catch (error) {
    return await handleFailure(deps, id, platform, attempts, error);
  }
}

async function handleFailure(deps: OutboxDeps, id: string, platform: string, attempts: number, error: unknown): Promise<keyof DrainResult> {
  if (error instanceof PlatformRateLimited) return await defer(deps, id, attempts, error.retryAfterMs, error.code);
  const code = error instanceof PlatformRejected ? error.platformCode : (error as { code?: string }).code ?? 'SEND_FAILED';
  const permanent = error instanceof PlatformRejected || attempts + 1 >= (deps.maxAttempts ?? 8);
  deps.logger.warn({ outboxId: id, platform, code, attempt: attempts + 1, permanent }, 'outbox send failed');
  if (permanent) {
    await deps.db.outboxMessage.update({ where: { id }, data: { status: 'FAILED', attempts: attempts + 1, lastError: code, claimedUntil: null } });
    return 'failed';
  }
  return await defer(deps, id, attempts + 1, backoffMs(attempts + 1), code);
}

async function defer(deps: OutboxDeps, id: string, attempts: number, delayMs: number, code: string): Promise<'retried'> {
  await deps.db.outboxMessage.update({
    where: { id },
    data: { attempts, lastError: code, claimedUntil: null, nextAttemptAt: new Date(deps.clock.now().getTime() + delayMs) },
  });
  return 'retried';
}

// Per-platform pacing (e.g. Slack ~1 message/s per channel, Telegram ~30/s per bot).
async function spaceSends(deps: OutboxDeps, messenger: MessengerPort): Promise<void> {
  const gap = 1000 / messenger.sendsPerSecond;
  const wait = (lastSendAt.get(messenger.platform) ?? 0) + gap - Date.now();
  if (wait > 0) await (deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(wait);
  lastSendAt.set(messenger.platform, Date.now());
}
