import type { Db } from '../../db/createDb';
import type { Address, Clock, Logger, MessengerPort, SentRef } from '../ports';
import type { OutboundMessage } from '../messages';
import { PlatformRateLimited, PlatformRejected } from '../errors';
import { backoffMs } from './backoff';
import { reportUndeliverable } from './reportUndeliverable';
import { inChunks } from '../../db/inChunks';

export interface OutboxDeps {
  db: Db;
  messengers: Map<string, MessengerPort>;
  clock: Clock;
  logger: Logger;
  /** A message that still fails for a transient cause (5xx, network) this long (real time) after it was queued is given up. */
  giveUpAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** When each platform and each chat was last sent to (real time: the platforms' clocks). */
  pacing: PacingState;
}

// Pacing windows are real time and in memory: losing them on restart costs at most one early send.
export interface PacingState {
  lastSendAt: Map<string, number>;
  lastChatSendAt: Map<string, number>;
  /**
   * Rows the platform accepted but whose SENT could not be written yet (the database was locked or
   * full): when this process claims one again it records it instead of sending it a second time.
   */
  sentNotRecorded: Map<string, SentRef | null>;
}

export const createPacingState = (): PacingState => ({ lastSendAt: new Map(), lastChatSendAt: new Map(), sentNotRecorded: new Map() });

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
// Writing SENT is retried for most of the lease, so the row is not claimed again meanwhile.
const RECORD_BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000, 16000, 16000];
// A platform outage of hours loses nothing; a message a day old is no longer worth sending.
const GIVE_UP_AFTER_MS = 24 * 3600_000;

/**
 * Sends due outbox rows once each. A row is claimed with a lease before the platform call, so two
 * drainers never both send it, and a crash before the send leaves it PENDING to go out after the
 * restart. The one window left is a crash after the platform accepted a message and before SENT
 * is written: that message goes out again (platforms offer no idempotency key), and is logged as
 * OUTBOX_RESEND_AFTER_LEASE. A chat's messages go out in the order they were queued, retries too.
 */
export async function drainOutbox(deps: OutboxDeps, limit = 100): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, paced: 0 };
  const pacedChats = new Set<string>();
  const now = deps.clock.now();
  const due = await deps.db.outboxMessage.findMany({
    where: { status: 'PENDING', nextAttemptAt: { lte: now }, platform: { in: [...deps.messengers.keys()] } },
    // What people are waiting for first: a reply to someone's turn may overtake a reminder queued
    // earlier, even to the same chat; within a priority, the order they were queued in.
    orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  const waitingChats = await chatsWithEarlierRowsWaiting(deps.db, due, now);
  for (const row of due) {
    const address = JSON.parse(row.address) as Address;
    const chatKey = `${row.platform}:${address.workspace}:${address.chatId}`;
    // An earlier message to this chat waits for a retry (or is in flight): this one must not overtake it.
    if (waitingChats.has(chatKey) && isBefore(waitingChats.get(chatKey)!, row)) continue;
    const wait = pacedChats.has(chatKey) ? 1 : chatWaitMs(deps, deps.messengers.get(row.platform)!, address, chatKey);
    if (wait > 0) {
      // Later rows of the same chat wait too, so a chat's messages keep their order.
      pacedChats.add(chatKey);
      result.paced += 1;
      result.nextInMs = Math.min(result.nextInMs ?? wait, wait);
      continue;
    }
    // The lease starts now, not when the pass began: pacing may have made this pass long.
    const claimedAt = deps.clock.now();
    const claimed = await deps.db.outboxMessage.updateMany({
      where: { id: row.id, status: 'PENDING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: claimedAt } }] },
      data: { claimedUntil: new Date(claimedAt.getTime() + CLAIM_MS) },
    });
    if (claimed.count !== 1) continue;
    if (deps.pacing.sentNotRecorded.has(row.id)) {
      result[await recordSent(deps, row, deps.pacing.sentNotRecorded.get(row.id) ?? null)] += 1;
      continue;
    }
    if (row.claimedUntil) {
      // The process that claimed it died or hung mid-send: the platform may already have it.
      deps.logger.warn({ outboxId: row.id, platform: row.platform, code: 'OUTBOX_RESEND_AFTER_LEASE' }, 'outbox row sent again after an unfinished send');
    }
    deps.pacing.lastChatSendAt.set(chatKey, Date.now());
    const outcome = await sendOne(deps, row, address, JSON.parse(row.payload) as StoredPayload);
    result[outcome] += 1;
    if (outcome === 'retried') waitingChats.set(chatKey, row);
  }
  return result;
}

type RowOrder = { createdAt: Date; id: string };
const isBefore = (a: RowOrder, b: RowOrder) => a.createdAt < b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id);

/** Per chat of the due rows: its earliest PENDING row that cannot go now (a retry not yet due, or claimed). */
async function chatsWithEarlierRowsWaiting(db: Db, due: Array<{ platform: string; address: string }>, now: Date): Promise<Map<string, RowOrder>> {
  const waiting = new Map<string, RowOrder>();
  const rows = await inChunks(new Set(due.map((row) => row.address)), (chunk) => db.outboxMessage.findMany({
    where: { status: 'PENDING', address: { in: chunk }, OR: [{ nextAttemptAt: { gt: now } }, { claimedUntil: { gte: now } }] },
    select: { platform: true, address: true, createdAt: true, id: true },
  }));
  for (const row of rows) {
    const address = JSON.parse(row.address) as Address;
    const key = `${row.platform}:${address.workspace}:${address.chatId}`;
    const known = waiting.get(key);
    if (!known || isBefore(row, known)) waiting.set(key, row);
  }
  return waiting;
}

interface OutboxRow {
  id: string;
  createdAt: Date;
  platform: string;
  address: string;
  pegawaiId: string | null;
  idempotencyKey: string;
  attempts: number;
}

function chatWaitMs(deps: OutboxDeps, messenger: MessengerPort, address: Address, chatKey: string): number {
  const interval = messenger.chatIntervalMs?.(address) ?? 0;
  return Math.max(0, (deps.pacing.lastChatSendAt.get(chatKey) ?? 0) + interval - Date.now());
}

async function sendOne(deps: OutboxDeps, row: OutboxRow, address: Address, payload: StoredPayload): Promise<'sent' | 'retried' | 'failed'> {
  const { id, platform, idempotencyKey: key, attempts } = row;
  const messenger = deps.messengers.get(platform);
  if (!messenger) return 'retried';
  let sentRef: SentRef | null = null;
  try {
    await spaceSends(deps, messenger);
    if (payload.kind === 'edit') {
      const target = await deps.db.outboxMessage.findUnique({ where: { id: payload.targetMessageId } });
      if (!target || target.status === 'FAILED' || target.status === 'UNDELIVERABLE') {
        // Nothing on the platform to edit: the edit has nothing to do, and says so.
        await deps.db.outboxMessage.update({ where: { id }, data: { status: 'FAILED', lastError: 'EDIT_TARGET_MISSING', claimedUntil: null } });
        return 'failed';
      }
      if (!target.sentRef) return await defer(deps, id, attempts + 1, 1000, 'EDIT_TARGET_NOT_SENT');
      await messenger.edit(JSON.parse(target.sentRef) as SentRef, address, payload.replacement);
    } else {
      sentRef = await messenger.send(address, payload, key);
    }
  } catch (error) {
    return await handleFailure(deps, row, error);
  }
  // The platform has it: from here on a failure is ours to record, never a reason to send again.
  return await recordSent(deps, row, sentRef);
}

async function recordSent(deps: OutboxDeps, row: OutboxRow, sentRef: SentRef | null): Promise<'sent'> {
  deps.pacing.sentNotRecorded.set(row.id, sentRef);
  for (const [attempt, pause] of [...RECORD_BACKOFF_MS, null].entries()) {
    try {
      await deps.db.outboxMessage.update({
        where: { id: row.id }, data: { status: 'SENT', sentAt: deps.clock.now(), sentRef: sentRef ? JSON.stringify(sentRef) : null, attempts: row.attempts + 1, claimedUntil: null },
      });
      deps.pacing.sentNotRecorded.delete(row.id);
      return 'sent';
    } catch (error) {
      if (pause === null) {
        deps.logger.error({ outboxId: row.id, code: (error as { code?: string }).code ?? 'SENT_NOT_RECORDED', attempts: attempt + 1 }, 'outbox message sent but not recorded; recorded at its next claim');
        return 'sent';
      }
      await (deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(pause);
    }
  }
  return 'sent';
}

async function handleFailure(deps: OutboxDeps, row: OutboxRow, error: unknown): Promise<'retried' | 'failed'> {
  const { id, platform, attempts } = row;
  if (error instanceof PlatformRateLimited) return await defer(deps, id, attempts, error.retryAfterMs, error.code);
  const code = error instanceof PlatformRejected ? error.platformCode : String((error as { code?: unknown }).code ?? 'SEND_FAILED');
  const tooOld = Date.now() - row.createdAt.getTime() >= (deps.giveUpAfterMs ?? GIVE_UP_AFTER_MS);
  const permanent = error instanceof PlatformRejected || tooOld;
  deps.logger.warn({ outboxId: id, platform, code, attempt: attempts + 1, permanent }, 'outbox send failed');
  if (permanent) {
    await deps.db.outboxMessage.update({ where: { id }, data: { status: 'FAILED', attempts: attempts + 1, lastError: code, claimedUntil: null } });
    if (error instanceof PlatformRejected && (error.recipientUnreachable || error.credentialsRejected)) {
      await reportUndeliverable(deps.db, row, code, deps.clock.now(), error.credentialsRejected);
    }
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
  const { lastSendAt } = deps.pacing;
  const gap = 1000 / messenger.sendsPerSecond;
  const wait = (lastSendAt.get(messenger.platform) ?? 0) + gap - Date.now();
  if (wait > 0) await (deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(wait);
  lastSendAt.set(messenger.platform, Date.now());
}
