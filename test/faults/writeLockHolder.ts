// Child process of holdWriteLock.ts: a second program on the same SQLite file (an admin import,
// a backup tool) that takes the write lock, writes, and commits only after `ms` milliseconds.
// Usage: node --import tsx test/faults/writeLockHolder.ts <database file> <ms>
import Database from 'better-sqlite3';

const [file, ms] = process.argv.slice(2);
if (!file || !ms) throw new Error('usage: writeLockHolder.ts <database file> <ms>');
const db = new Database(file, { timeout: 30_000 });
db.exec('BEGIN IMMEDIATE');
const pendingOutbox = db.prepare(`SELECT id FROM OutboxMessage WHERE status = 'PENDING'`).all().map((row) => (row as { id: string }).id);
// A real write: readers that started before the commit hold an older snapshot afterwards.
db.prepare('UPDATE Instansi SET updatedAt = updatedAt').run();
const lockedAt = Date.now();
process.stdout.write(`${JSON.stringify({ locked: true, pendingOutbox })}\n`);
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write(`${JSON.stringify({ released: true, heldMs: Date.now() - lockedAt })}\n`);
}, Number(ms));
