import type { Db } from '../../db/createDb';
import type { Address, Clock, Logger, MessengerPort, SentRef } from '../ports';
import type { OutboundMessage } from '../messages';
import { PlatformRateLimited, PlatformRejected } from '../errors';
import { isPostgresClient } from '../../db/postgresClients';
import { takeSharedSendSlot } from '../../db/sharedSendSlot';
import { backoffMs } from './backoff';
import { CLAIM_MS, claimDue, type ClaimedRow } from './claimDue';
import { reportUndeliverable } from './reportUndeliverable';

export interface OutboxDeps {
  db: Db;
  messengers: Map<string, MessengerPort>;
  clock: Clock;
  logger: Logger;
  /** A message that still fails for a transient cause (5xx, network) this long (real time) after it was queued is given up. */
  giveUpAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** When each platform and each chat was last sent to by this process (real time: the platforms' clocks). */
  pacing: PacingState;
}

// Pacing windows are real time and in memory (on PostgreSQL the platform's window is shared in the
// database instead): losing them on restart costs at most one early send.
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

// Writing SENT is retried for most of the lease, so the row is not claimed again meanwhile.
const RECORD_BACKOFF_MS = [250, 500, 1000, 2000, 4000, 8000, 16000, 16000];
// A platform outage of hours loses nothing; a message a day old is no longer worth sending.
const GIVE_UP_AFTER_MS = 24 * 3600_000;

/**
 * Sends due outbox rows once each. Rows are leased before the platform call (claimDue), so two
 * drainers, in one process or several, never both send one, and a crash before the send leaves it
 * PENDING to go out after the restart. The one window left is a crash after the platform accepted
 * a message and before SENT is written: that message goes out again (platforms offer no
 * idempotency key), and is logged as OUTBOX_RESEND_AFTER_LEASE. A chat's messages go out in the
 * order they were queued, retries too.
 */
export async function drainOutbox(deps: OutboxDeps, limit = 100): Promise<DrainResult> {
  const claim = await claimDue(deps, limit);
  const result: DrainResult = { sent: 0, retried: 0, failed: 0, paced: claim.paced, ...(claim.nextInMs !== undefined ? { nextInMs: claim.nextInMs } : {}) };
  const leasedAt = Date.now();
  const retriedChats = new Set<string>();
  for (const row of claim.rows) {
    // An earlier message to this chat waits for its retry now; or pacing made this pass so long
    // that the lease could run out mid-send: hand the row back untouched.
    if (retriedChats.has(row.chatKey) || Date.now() - leasedAt > CLAIM_MS / 2) {
      await deps.db.outboxMessage.updateMany({ where: { id: row.id, status: 'PENDING' }, data: { claimedUntil: row.previousClaim } });
      result.paced += 1;
      result.nextInMs = 0;
      continue;
    }
    if (deps.pacing.sentNotRecorded.has(row.id)) {
      result[await recordSent(deps, row, deps.pacing.sentNotRecorded.get(row.id) ?? null)] += 1;
      continue;
    }
    if (row.previousClaim) {
      // The process that claimed it died or hung mid-send: the platform may already have it.
      deps.logger.warn({ outboxId: row.id, platform: row.platform, code: 'OUTBOX_RESEND_AFTER_LEASE' }, 'outbox row sent again after an unfinished send');
    }
    deps.pacing.lastChatSendAt.set(row.chatKey, Date.now());
    const outcome = await sendOne(deps, row, JSON.parse(row.address) as Address, JSON.parse(row.payload) as StoredPayload);
    result[outcome] += 1;
    if (outcome === 'retried') retriedChats.add(row.chatKey);
  }
  return result;
}

type OutboxRow = Pick<ClaimedRow, 'id' | 'createdAt' | 'platform' | 'address' | 'pegawaiId' | 'idempotencyKey' | 'attempts'>;

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

// Several processes on one PostgreSQL share the platform's rate: they keep below it, since the
// moment a slot is taken and the moment the platform receives the message differ by a few ms.
const SHARED_RATE_SHARE = 0.9;

// Per-platform pacing (e.g. Slack ~1 message/s per channel, Telegram ~30/s per bot).
async function spaceSends(deps: OutboxDeps, messenger: MessengerPort): Promise<void> {
  const sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  if (isPostgresClient(deps.db)) {
    const wait = await takeSharedSendSlot(deps.db, messenger.platform, 1000 / (messenger.sendsPerSecond * SHARED_RATE_SHARE));
    if (wait > 0) await sleep(wait);
    return;
  }
  const { lastSendAt } = deps.pacing;
  const wait = (lastSendAt.get(messenger.platform) ?? 0) + 1000 / messenger.sendsPerSecond - Date.now();
  if (wait > 0) await sleep(wait);
  lastSendAt.set(messenger.platform, Date.now());
}
