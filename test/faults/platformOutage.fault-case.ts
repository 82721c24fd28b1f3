// Case 5: the Bot API answers 5xx for a while, then recovers: the outbox keeps every message and
// delivers it afterwards, in order per chat, once.
import Database from 'better-sqlite3';
import { createDb } from '../../src/db/createDb';
import { createOrganisationDb, linkTelegramDirectly } from '../bench/benchOrganisation';
import { botEnv } from './botEnv';
import { BotProcess } from './botProcess';
import { faultConfig } from './faultConfig';
import type { FaultCase } from './faultReport';
import { FaultTelegram } from './faultTelegram';
import { pendingOutboxRows } from './outboxLedger';
import { settleScheduler } from './settleScheduler';

const PER_CHAT = 10;
const FIRST_CHAT = 9_700_000;
const textOf = (chatId: number, k: number) => `Pesan uji gangguan ${k + 1} dari ${PER_CHAT} untuk ${chatId}`;

/** Queues PER_CHAT numbered texts to each chat, interleaved across chats, in the order they must arrive. */
function queueNumbered(file: string, chats: number[], pegawaiIds: string[]): void {
  const db = new Database(file);
  try {
    const insert = db.prepare(`INSERT INTO OutboxMessage (id, idempotencyKey, platform, address, pegawaiId, payload, status, attempts, nextAttemptAt, createdAt)
      VALUES (?, ?, 'telegram', ?, ?, ?, 'PENDING', 0, ?, ?)`);
    const base = Date.now();
    db.transaction(() => {
      for (let k = 0; k < PER_CHAT; k++) {
        for (const [c, chatId] of chats.entries()) {
          const seq = k * chats.length + c;
          insert.run(`gangguan-${seq}`, `gangguan-${seq}`, JSON.stringify({ workspace: '', chatId: String(chatId) }), pegawaiIds[c]!, JSON.stringify({ kind: 'text', text: textOf(chatId, k) }), base, base + seq);
        }
      }
    })();
  } finally {
    db.close();
  }
}

function statusCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT status, COUNT(*) AS n FROM OutboxMessage WHERE id LIKE 'gangguan-%' GROUP BY status").all() as Array<{ status: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

const platformOutage: FaultCase = async () => {
  const { messages, outageMs } = faultConfig.outage;
  const chatCount = Math.max(1, Math.round(messages / PER_CHAT));
  const { file, members } = await createOrganisationDb(chatCount, { singleTeam: true });
  const db = await createDb(file);
  const chats = await linkTelegramDirectly(db, members, FIRST_CHAT);
  await settleScheduler(db);
  await db.$disconnect();
  const tg = new FaultTelegram();
  await tg.start();
  tg.knowChats(chats);
  const bot = await BotProcess.start(botEnv({ file, tg }));
  try {
    tg.outage(outageMs);
    queueNumbered(file, chats, members.map((m) => m.pegawaiId));
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    const duringOutage = statusCounts(file);
    const deadline = Date.now() + 120_000;
    while (pendingOutboxRows(file) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const arrived = tg.deliveredTexts();
    const problems: string[] = [];
    for (const chatId of chats) {
      const expected = Array.from({ length: PER_CHAT }, (_, k) => textOf(chatId, k));
      const got = (arrived.get(chatId) ?? []).filter((text) => text.startsWith('Pesan uji gangguan'));
      if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`chat ${chatId}: arrived ${got.length} of ${PER_CHAT}: ${got.map((t) => t.split(' ')[3]).join(',')}`);
    }
    const after = statusCounts(file);
    const total = chats.length * PER_CHAT;
    const findings = [
      `${total} messages to ${chats.length} chats queued during a ${outageMs / 1000} s outage; the Bot API refused ${tg.refusedDuringOutage} calls with 502`,
      `when the outage ended: ${JSON.stringify(duringOutage)} (nothing given up)`,
      `afterwards: ${JSON.stringify(after)}; every chat got its ${PER_CHAT} messages once, in order: ${problems.length === 0 ? 'yes' : 'NO'}`,
      ...problems.slice(0, 10),
      ...(bot.exit ? [`the bot exited: ${bot.tail(10)}`] : []),
    ];
    const ok = problems.length === 0 && tg.refusedDuringOutage > 0 && !duringOutage.FAILED && after.SENT === total && !bot.exit;
    return { id: '5', title: 'platform outage', count: `${total} messages, ${outageMs / 1000} s of 502`, ok, findings };
  } finally {
    await bot.stop();
    await tg.stop();
  }
};

export default platformOutage;
