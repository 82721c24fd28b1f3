import Database from 'better-sqlite3';

/**
 * Checks the database file of a killed bot: intact, and no turn half-saved. Every recorded inbound
 * update was committed together with its answers (outbox rows keyed `<eventKey>#n`), and no answer
 * exists without its recorded update.
 */
export function turnAtomicityProblems(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const problems: string[] = [];
    const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const unanswered = db.prepare(`SELECT eventKey FROM InboundEvent ie WHERE ie.eventKey LIKE 'telegram:%'
      AND NOT EXISTS (SELECT 1 FROM OutboxMessage o WHERE o.idempotencyKey >= ie.eventKey || '#' AND o.idempotencyKey < ie.eventKey || '$')`).all() as Array<{ eventKey: string }>;
    if (unanswered.length > 0) problems.push(`${unanswered.length} recorded turns without their answers, e.g. ${unanswered[0]!.eventKey}`);
    const orphans = db.prepare(`SELECT idempotencyKey FROM OutboxMessage o WHERE o.idempotencyKey LIKE 'telegram:%#%'
      AND substr(o.idempotencyKey, 1, instr(o.idempotencyKey, '#') - 1) NOT IN (SELECT eventKey FROM InboundEvent)
      AND o.idempotencyKey NOT LIKE '%:error#%'`).all() as Array<{ idempotencyKey: string }>;
    if (orphans.length > 0) problems.push(`${orphans.length} answers without their recorded turn, e.g. ${orphans[0]!.idempotencyKey}`);
    return problems;
  } finally {
    db.close();
  }
}
