import Database from 'better-sqlite3';
import type { LogLine } from './botProcess';

export interface ChatLedger {
  /** Outbox rows to this chat that the bot counts as sent. */
  sent: number;
  /** Rows to this chat not sent (still pending, failed). */
  unsent: number;
  /** Rows the bot sent again after a process died mid-send (OUTBOX_RESEND_AFTER_LEASE). */
  resentAfterKill: number;
}

export interface LedgerRow {
  id: string;
  address: string;
  status: string;
}

/** The bot's own record of what it queued for each Telegram chat, read from the database file. */
export function outboxLedger(file: string, logs: LogLine[]): Map<number, ChatLedger> {
  const db = new Database(file, { readonly: true });
  try {
    // Rows settleScheduler counted as sent before the case (SENT with no sentAt) were never meant to go out.
    return ledgerOf(db.prepare("SELECT id, address, status FROM OutboxMessage WHERE platform = 'telegram' AND NOT (status = 'SENT' AND sentAt IS NULL)").all() as LedgerRow[], logs);
  } finally {
    db.close();
  }
}

/** Per Telegram chat: the outbox rows the bot counts as sent, not sent, and sent again after a kill. */
export function ledgerOf(rows: LedgerRow[], logs: LogLine[]): Map<number, ChatLedger> {
  const resent = new Set(logs.filter((l) => l.code === 'OUTBOX_RESEND_AFTER_LEASE').map((l) => String(l.outboxId)));
  const ledger = new Map<number, ChatLedger>();
  for (const row of rows) {
    const chatId = Number((JSON.parse(row.address) as { chatId: string }).chatId);
    const entry = ledger.get(chatId) ?? { sent: 0, unsent: 0, resentAfterKill: 0 };
    if (row.status === 'SENT') entry.sent++;
    else entry.unsent++;
    if (resent.has(row.id)) entry.resentAfterKill++;
    ledger.set(chatId, entry);
  }
  return ledger;
}

export function pendingOutboxRows(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM OutboxMessage WHERE status = 'PENDING'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export interface DeliveryVerdict {
  lost: number;
  doubled: number;
  /** Extra copies explained by a kill during that very send (the platform has no idempotency key). */
  doubledInFlight: number;
  findings: string[];
}

/**
 * Compares what arrived at the fake Bot API per chat with the bot's outbox: every queued message
 * exactly once. A second copy is excused only for a row the bot itself logged as sent again after
 * a process died during its send, and at most one per such row.
 */
export function compareDeliveries(arrived: Map<number, string[]>, ledger: Map<number, ChatLedger>, chats: number[]): DeliveryVerdict {
  const verdict: DeliveryVerdict = { lost: 0, doubled: 0, doubledInFlight: 0, findings: [] };
  for (const chatId of chats) {
    const entry = ledger.get(chatId) ?? { sent: 0, unsent: 0, resentAfterKill: 0 };
    const count = arrived.get(chatId)?.length ?? 0;
    const missing = entry.unsent + Math.max(0, entry.sent - count);
    const extra = Math.max(0, count - entry.sent);
    const excused = Math.min(extra, entry.resentAfterKill);
    verdict.lost += missing;
    verdict.doubledInFlight += excused;
    verdict.doubled += extra - excused;
    if (missing > 0 || extra > excused) verdict.findings.push(`chat ${chatId}: ${entry.sent + entry.unsent} queued (${entry.unsent} unsent), ${count} arrived`);
  }
  return verdict;
}
