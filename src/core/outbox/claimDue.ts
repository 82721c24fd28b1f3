import type { Db } from '../../db/createDb';
import { inChunks } from '../../db/inChunks';
import { lockFreeRows } from '../../db/outboxLocks';
import { isPostgresClient } from '../../db/postgresClients';
import type { Tx } from '../../db/tx';
import type { Address } from '../ports';
import type { OutboxDeps } from './drainOutbox';

export const CLAIM_MS = 60_000;

export interface ClaimedRow {
  id: string;
  createdAt: Date;
  platform: string;
  address: string;
  pegawaiId: string | null;
  idempotencyKey: string;
  payload: string;
  attempts: number;
  priority: number;
  /** The lease a previous claimer left: set, it may have died after the platform had the message. */
  previousClaim: Date | null;
  chatKey: string;
}

export interface Claim {
  /** Leased to this process, in sending order. */
  rows: ClaimedRow[];
  /** Rows left for a later pass because their chat was sent to too recently. */
  paced: number;
  /** When paced > 0: milliseconds until the first paced chat may be sent to again. */
  nextInMs?: number;
}

export const chatKeyOf = (platform: string, address: Address): string => `${platform}:${address.workspace}:${address.chatId}`;

/**
 * Leases the due rows this process may send now, in one transaction. A chat's messages go out in
 * the order they were queued: a row is not taken while an earlier row of its chat waits for a
 * retry, is leased, or (several processes) is being taken by another process right now. On
 * PostgreSQL the rows another process is leasing are skipped (FOR UPDATE SKIP LOCKED), so the
 * processes share the work without waiting for each other.
 */
export async function claimDue(deps: OutboxDeps, limit: number): Promise<Claim> {
  const shared = isPostgresClient(deps.db);
  return await deps.db.$transaction(async (tx) => {
    const now = deps.clock.now();
    let due = await tx.outboxMessage.findMany({
      where: {
        status: 'PENDING', nextAttemptAt: { lte: now }, platform: { in: [...deps.messengers.keys()] },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      // What people are waiting for first: a reply to someone's turn may overtake a reminder queued
      // earlier, even to the same chat; within a priority, the order they were queued in.
      orderBy: [{ priority: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    if (shared) due = await stillFree(tx, due, now);
    const claim = sendableNow(deps, due.map((row) => ({ ...row, previousClaim: row.claimedUntil, chatKey: chatKeyOf(row.platform, JSON.parse(row.address) as Address) })));
    // Read after the locks above: what another process leased meanwhile is seen, and what it is
    // leasing now still looks due and unleased, so it holds this process back too.
    const waiting = await earlierRowsInTheWay(tx, claim.rows, now);
    claim.rows = claim.rows.filter((row) => !waiting.has(row.chatKey) || !isBefore(waiting.get(row.chatKey)!, row));
    const claimedUntil = new Date(now.getTime() + CLAIM_MS);
    await inChunks(claim.rows.map((row) => row.id), async (ids) => {
      await tx.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { claimedUntil } });
      return [];
    });
    return claim;
  });
}

type Candidate = Awaited<ReturnType<Tx['outboxMessage']['findMany']>>[number];

/** Locks the rows no other process is taking, and reads them again: one may have been leased meanwhile. */
async function stillFree(tx: Tx, due: Candidate[], now: Date): Promise<Candidate[]> {
  const locked = await lockFreeRows(tx, due.map((row) => row.id));
  const fresh = await tx.outboxMessage.findMany({
    where: { id: { in: [...locked] }, status: 'PENDING', nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    select: { id: true },
  });
  const free = new Set(fresh.map((row) => row.id));
  return due.filter((row) => free.has(row.id));
}

/** Per chat: every due row when the chat has no pacing, else its first row once its interval has passed. */
function sendableNow(deps: OutboxDeps, due: ClaimedRow[]): Claim {
  const claim: Claim = { rows: [], paced: 0 };
  const later = (wait: number) => { claim.paced += 1; claim.nextInMs = Math.min(claim.nextInMs ?? wait, wait); };
  const taken = new Set<string>();
  for (const row of due) {
    const interval = deps.messengers.get(row.platform)?.chatIntervalMs?.(JSON.parse(row.address) as Address) ?? 0;
    const wait = Math.max(0, (deps.pacing.lastChatSendAt.get(row.chatKey) ?? 0) + interval - Date.now());
    if (wait > 0) later(wait);
    else if (interval > 0 && taken.has(row.chatKey)) later(interval);
    else {
      taken.add(row.chatKey);
      claim.rows.push(row);
    }
  }
  return claim;
}

type RowOrder = { createdAt: Date; id: string };
export const isBefore = (a: RowOrder, b: RowOrder) => a.createdAt < b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id);

/**
 * Per chat of the rows about to be leased: its earliest PENDING row that must go first but cannot
 * go in this pass: a retry not yet due, a row leased by someone, or one of at least the same
 * priority that another process is taking right now.
 */
async function earlierRowsInTheWay(tx: Tx, rows: ClaimedRow[], now: Date): Promise<Map<string, RowOrder>> {
  const mine = new Set(rows.map((row) => row.id));
  const lowestPriority = new Map<string, number>();
  for (const row of rows) lowestPriority.set(row.chatKey, Math.min(lowestPriority.get(row.chatKey) ?? row.priority, row.priority));
  const others = await inChunks(new Set(rows.map((row) => row.address)), (chunk) => tx.outboxMessage.findMany({
    where: { status: 'PENDING', address: { in: chunk } },
    select: { platform: true, address: true, createdAt: true, id: true, priority: true, nextAttemptAt: true, claimedUntil: true },
  }));
  const waiting = new Map<string, RowOrder>();
  for (const row of others) {
    const key = chatKeyOf(row.platform, JSON.parse(row.address) as Address);
    if (mine.has(row.id) || !lowestPriority.has(key)) continue;
    const inTheWay = row.nextAttemptAt > now || (row.claimedUntil !== null && row.claimedUntil >= now) || row.priority >= lowestPriority.get(key)!;
    const known = waiting.get(key);
    if (inTheWay && (!known || isBefore(row, known))) waiting.set(key, row);
  }
  return waiting;
}
