// Case 7 (issue 11): three bot processes on one PostgreSQL database drain a fan-out together while
// one of them is killed with kill -9 and restarted: every message once, each chat's in order, and
// Telegram's 30 messages a second never exceeded by the three together.
import { startThrowawayPostgres } from '../../prisma/postgresql/throwawayServer';
import { createDb, type Db } from '../../src/db/createDb';
import { seededRandom } from '../helpers/seededRandom';
import { botEnv } from './botEnv';
import { BotProcess, freePort, type LogLine } from './botProcess';
import { faultConfig } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import { FaultTelegram } from './faultTelegram';
import { faultSeed } from './killRounds';
import { compareDeliveries, ledgerOf } from './outboxLedger';

const FIRST_CHAT = 9_300_000;
const TELEGRAM_LIMIT = 30;
const PROCESSES = 3;
// Rows a killed process had leased wait out their lease (60 s) before another process sends them.
const DRAIN_TIMEOUT_MS = 240_000;

const messageText = (chatId: number, n: number, of: number) => `Pengumuman ${n} dari ${of} untuk ${chatId}`;

/** The fan-out as the outbox holds it after enqueue: `perChat` messages to each chat, queued in order. */
async function queueFanOut(db: Db, chats: number[], perChat: number): Promise<void> {
  const queuedAt = Date.now();
  for (let n = 1; n <= perChat; n++) {
    await db.outboxMessage.createMany({
      data: chats.map((chatId, i) => ({
        idempotencyKey: `pengumuman:${chatId}:${n}`, platform: 'telegram', address: JSON.stringify({ workspace: '', chatId: String(chatId) }),
        payload: JSON.stringify({ kind: 'text', text: messageText(chatId, n, perChat) }), status: 'PENDING',
        nextAttemptAt: new Date(queuedAt), createdAt: new Date(queuedAt + (n - 1) * chats.length + i),
      })),
    });
  }
}

async function waitUntilDrained(db: Db, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = await db.outboxMessage.count({ where: { status: 'PENDING' } });
  while (pending > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    pending = await db.outboxMessage.count({ where: { status: 'PENDING' } });
  }
  return pending;
}

/** Chats whose messages arrived out of the order they were queued in. */
function outOfOrder(arrived: Map<number, string[]>, perChat: number): number[] {
  return [...arrived.entries()].filter(([chatId, texts]) => {
    const expected = Array.from({ length: perChat }, (_, i) => messageText(chatId, i + 1, perChat));
    const firsts = texts.filter((text, i) => texts.indexOf(text) === i);
    return firsts.join('\n') !== expected.slice(0, firsts.length).join('\n');
  }).map(([chatId]) => chatId);
}

const severalProcessesFanOut: FaultCase = async () => {
  const { chats: chatCount, perChat, kills } = faultConfig.severalProcesses;
  const seed = faultSeed();
  const random = seededRandom(seed);
  const server = await startThrowawayPostgres();
  const tg = new FaultTelegram();
  const bots: BotProcess[] = [];
  const retired: BotProcess[] = [];
  try {
    const url = server.createDatabase('sebar');
    const chats = Array.from({ length: chatCount }, (_, i) => FIRST_CHAT + i);
    const db = await createDb(url);
    await queueFanOut(db, chats, perChat);
    await tg.start();
    tg.knowChats(chats);
    const envs = await Promise.all(Array.from({ length: PROCESSES }, async () => botEnv({ file: '/nonexistent/unused.db', tg, webhookPort: await freePort(), extra: { DATABASE_URL: url } })));
    bots.push(...await Promise.all(envs.map((env) => BotProcess.start(env))));

    const killed: string[] = [];
    for (let round = 0; round < kills; round++) {
      const after = 1500 + random() * 4000;
      await new Promise((resolve) => setTimeout(resolve, after));
      const victim = Math.floor(random() * PROCESSES);
      await bots[victim]!.kill9();
      retired.push(bots[victim]!);
      killed.push(`process ${victim + 1} after ${(after / 1000).toFixed(1)} s`);
      bots[victim] = await BotProcess.start(envs[victim]!);
    }
    const stillPending = await waitUntilDrained(db, DRAIN_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await Promise.all(bots.map((bot) => bot.stop()));

    const logs: LogLine[] = [...retired, ...bots].flatMap((bot) => bot.logs());
    const rows = await db.outboxMessage.findMany({ where: { platform: 'telegram' }, select: { id: true, address: true, status: true } });
    await db.$disconnect();
    const arrived = tg.deliveredTexts();
    const verdict = compareDeliveries(arrived, ledgerOf(rows, logs), chats);
    const disordered = outOfOrder(arrived, perChat);
    const busiest = tg.busiestSecond();
    const crashes = [...retired, ...bots].filter((bot) => bot.exit && bot.exit.signal !== 'SIGKILL' && bot.exit.code !== 0);
    const findings = [
      `seed ${seed} (FAULTS_SEED=${seed} replays the kill moments); killed: ${killed.join(', ')}`,
      `${thousands(rows.length)} messages to ${thousands(chatCount)} chats (${perChat} each) drained by ${PROCESSES} processes on one PostgreSQL`,
      `${verdict.lost} lost, ${verdict.doubled} doubled; ${verdict.doubledInFlight} sent again because a kill fell inside that very send`,
      `${disordered.length} chats received their messages out of order${disordered.length > 0 ? `: ${disordered.slice(0, 5).join(', ')}` : ''}`,
      `busiest second at Telegram: ${busiest} messages (limit ${TELEGRAM_LIMIT}, for all processes together)`,
      ...(stillPending > 0 ? [`${stillPending} messages still pending ${DRAIN_TIMEOUT_MS / 1000} s after the last restart`] : []),
      ...crashes.map((bot) => `a process exited by itself (${bot.exit!.code ?? bot.exit!.signal}):\n${bot.tail(10)}`),
      ...verdict.findings.slice(0, 10),
    ];
    const ok = verdict.lost === 0 && verdict.doubled === 0 && verdict.doubledInFlight <= kills && disordered.length === 0
      && busiest <= TELEGRAM_LIMIT && stillPending === 0 && crashes.length === 0;
    return { id: '7', title: 'three processes on one PostgreSQL, kill -9 during a fan-out', count: `${thousands(rows.length)} messages, ${kills} kills`, ok, findings };
  } finally {
    await Promise.all(bots.map((bot) => bot.kill9()));
    await tg.stop();
    server.stop();
  }
};

export default severalProcessesFanOut;
