import type { Tx } from '../../db/tx';

export interface AuditEntry {
  instansiId: string | null;
  at: Date;
  actorId: string | null;
  platform: string | null;
  action: string;
  rule?: string;
  outcome: 'OK' | 'REFUSED';
  subject?: string;
  details?: Record<string, unknown>;
}

/** The audit log is append-only: this is the only writer, and nothing updates or deletes rows. */
export async function appendAudit(tx: Tx, entries: AuditEntry[]): Promise<void> {
  for (const entry of entries) {
    await tx.auditLog.create({
      data: {
        instansiId: entry.instansiId, at: entry.at, actorId: entry.actorId, platform: entry.platform,
        action: entry.action, rule: entry.rule ?? null, outcome: entry.outcome, subject: entry.subject ?? null,
        details: JSON.stringify(entry.details ?? {}),
      },
    });
  }
}
