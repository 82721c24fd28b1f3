import type { Db } from '../../db/createDb';
import type { Address, Clock, Logger, MessengerPort, SentRef } from '../ports';
import type { OutboundMessage } from '../messages';
import { PlatformRateLimited, PlatformRejected } from '../errors';
import { backoffMs } from './backoff';
import { reportUndeliverable } from './reportUndeliverable';

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
  /** Rows left for a later pass because their chat was sent to too recently. */
  paced: number;
  /** When paced > 0: milliseconds until the first paced chat may be sent to again. */
  nextInMs?: number;
}

type StoredPayload = OutboundMessage | { kind: 'edit'; targetMessageId: string; replacement: OutboundMessage };

const CLAIM_MS = 60_000;
// Pacing windows are real time (the platforms' clocks), and losing them on restart is harmless.
const lastSendAt = new Map<string, number>();
const lastChatSendAt = new Map<string, number>();

/**
 * Sends due outbox rows once each. A row is claimed with a lease before the platform call, so two
 * drainers (or a restart during a send) never both send it; a crash before the claim leaves the
 * row PENDING and it goes out after restart.
 */
export async function drainOutbox(deps: OutboxDeps, limit = 100): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, paced: 0 };
  const pacedChats = new Set<string>();
  const now = deps.clock.now();
  const due = await deps.db.outboxMessage.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: now }, platform: { in: [...deps.messengers.keys()] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  for (const row of due) {
    const address = JSON.parse(row.address) as Address;
    const chatKey = `${row.platform}:${address.workspace}:${address.chatId}`;
    const wait = pacedChats.has(chatKey) ? 1 : chatWaitMs(deps.messengers.get(row.platform)!, address, chatKey);
    if (wait > 0) {
      // Later rows of the same chat wait too, so a chat's messages keep their order.
      pacedChats.add(chatKey);
      result.paced += 1;
      result.nextInMs = Math.min(result.nextInMs ?? wait, wait);
      continue;
    }
    const claimed = await deps.db.outboxMessage.updateMany({
      where: { id: row.id, status: 'PENDING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count !== 1) continue;
    lastChatSendAt.set(chatKey, Date.now());
    const outcome = await sendOne(deps, row, address, JSON.parse(row.payload) as StoredPayload);
    result[outcome] += 1;
  }
  return result;
}

interface OutboxRow {
  id: string;
  platform: string;
  pegawaiId: string | null;
  idempotencyKey: string;
  attempts: number;
}

function chatWaitMs(messenger: MessengerPort, address: Address, chatKey: string): number {
  const interval = messenger.chatIntervalMs?.(address) ?? 0;
  return Math.max(0, (lastChatSendAt.get(chatKey) ?? 0) + interval - Date.now());
}

async function sendOne(deps: OutboxDeps, row: OutboxRow, address: Address, payload: StoredPayload): Promise<'sent' | 'retried' | 'failed'> {
  const { id, platform, idempotencyKey: key, attempts } = row;
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
    return await handleFailure(deps, row, error);
  }
}

async function handleFailure(deps: OutboxDeps, row: OutboxRow, error: unknown): Promise<'retried' | 'failed'> {
  const { id, platform, attempts } = row;
  if (error instanceof PlatformRateLimited) return await defer(deps, id, attempts, error.retryAfterMs, error.code);
  const code = error instanceof PlatformRejected ? error.platformCode : (error as { code?: string }).code ?? 'SEND_FAILED';
  const permanent = error instanceof PlatformRejected || attempts + 1 >= (deps.maxAttempts ?? 8);
  deps.logger.warn({ outboxId: id, platform, code, attempt: attempts + 1, permanent }, 'outbox send failed');
  if (permanent) {
    await deps.db.outboxMessage.update({ where: { id }, data: { status: 'FAILED', attempts: attempts + 1, lastError: code, claimedUntil: null } });
    if (error instanceof PlatformRejected) await reportUndeliverable(deps.db, row, code, deps.clock.now());
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
