// Issue 10, case 6a: a second process holds the SQLite write lock (BEGIN IMMEDIATE) for
// faultConfig.contention.lockMs while linked users are in the middle of /lapor conversations and
// others type /bantuan. Every message must be answered once the lock is gone (a "sistem sibuk"
// answer counts as an answer, silence does not), every conversation must reach its end, outbox
// rows queued before the lock must each arrive exactly once, and the bot must keep running.
import { t } from '../../src/core/catalog/t';
import { progressReportTurns, type Turn } from '../bench/progressReportScript';
import { BotProcess } from './botProcess';
import { botEnv } from './botEnv';
import { ChatUser, waitUntil } from './chatUser';
import { faultConfig, QUICK } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import { FaultTelegram } from './faultTelegram';
import { holdWriteLock } from './holdWriteLock';
import { linkedOrganisation, readDatabase } from './linkedOrganisation';

const { lockMs } = faultConfig.contention;
const REPORTERS = QUICK ? 6 : 16;
const TYPISTS = QUICK ? 3 : 8;
/** /bantuan messages each typist sends, without waiting, while the lock is held. */
const BURST = 3;
const ANSWER_TIMEOUT_MS = lockMs + 40_000;

const HELP = t('id', 'bantuan.daftar', { daftar: '' });
const BUSY = t('id', 'umum.sistemSibuk');
const FAILED = t('id', 'umum.terjadiKesalahan');

const databaseContention: FaultCase = async () => {
  const org = await linkedOrganisation(REPORTERS + TYPISTS, 6_100_001);
  const tg = new FaultTelegram();
  await tg.start();
  const bot = await BotProcess.start(botEnv({ file: org.file, tg }));
  try {
    const people = org.users.map((user) => new ChatUser(tg, user));
    const reporters = people.slice(0, REPORTERS);
    const typists = people.slice(REPORTERS);
    const scripts = reporters.map((_, i) => progressReportTurns(org.members[i]!.targets));
    // Reporter i is locked out at turn 1 + i mod (n−1): texts, presses and the final "Kirim" all wait.
    const lockedAt = scripts.map((turns, i) => 1 + (i % (turns.length - 1)));
    let lockTaken!: () => void;
    const locked = new Promise<void>((resolve) => { lockTaken = resolve; });
    const ready: Array<Promise<void>> = [];
    const conversations = reporters.map((reporter, i) => {
      let isReady!: () => void;
      ready.push(new Promise<void>((resolve) => { isReady = resolve; }));
      return converse(reporter, scripts[i]!, lockedAt[i]!, isReady, locked);
    });
    await Promise.all(ready);

    // Answers queued before the lock: Telegram is down, so they wait in the outbox for a retry.
    tg.outage(120_000);
    for (const typist of typists) typist.send('/bantuan');
    const queued = await waitUntil(() => typists.every((p) => tg.calls.some((c) => c.method === 'sendMessage' && c.error && Number(c.params.chat_id) === p.user.id)), 20_000);
    const lock = await holdWriteLock(org.file, lockMs);
    tg.recover();
    lockTaken();
    for (let round = 0; round < BURST; round++) {
      for (const typist of typists) typist.send('/bantuan');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { heldMs } = await lock.released;
    await Promise.all(conversations);
    const expectedHelp = 1 + BURST;
    await waitUntil(() => typists.every((p) => countTexts(p, HELP) >= expectedHelp), 30_000);
    // Time for a late duplicate to show up.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const running = bot.exit === null;
    await bot.stop();
    const logs = bot.logs();

    const outbox = readDatabase(org.file, (db) => ({
      rows: db.prepare('SELECT id, address, payload, status FROM OutboxMessage').all() as Array<{ id: string; address: string; payload: string; status: string }>,
      submitted: (db.prepare(`SELECT count(*) AS n FROM Laporan WHERE status = 'SUBMITTED' AND authorId IN (${reporters.map(() => '?').join(',')})`)
        .get(...org.members.slice(0, REPORTERS).map((m) => m.pegawaiId)) as { n: number }).n,
      integrity: (db.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]?.integrity_check,
    }));
    const status = new Map(outbox.rows.map((row) => [row.id, row.status]));
    const pendingSent = lock.pendingOutbox.filter((id) => status.get(id) === 'SENT').length;
    const doubled = people.filter((p) => deliveredTo(tg, p) !== sentRows(outbox.rows, p)).map((p) => `${p.user.id}: ${deliveredTo(tg, p)} delivered, ${sentRows(outbox.rows, p)} SENT rows`);

    const messages = people.reduce((sum, p) => sum + p.sent, 0);
    const unanswered = reporters.flatMap((p) => p.unanswered.map((what) => `${p.user.id} ${what}`));
    const helpShort = typists.filter((p) => countTexts(p, HELP) !== expectedHelp).map((p) => `${p.user.id}: ${countTexts(p, HELP)} of ${expectedHelp}`);
    const busyAnswers = people.reduce((sum, p) => sum + countTexts(p, BUSY), 0);
    const errorAnswers = people.reduce((sum, p) => sum + countTexts(p, FAILED), 0);
    const turnFailures = logs.filter((l) => l.msg === 'turn failed');
    const completed = reporters.filter((p, i) => p.sent === scripts[i]!.length && p.unanswered.length === 0).length;
    const answerMs = reporters.flatMap((p) => p.answerMs);
    const ok = running && queued !== null && unanswered.length === 0 && helpShort.length === 0 && errorAnswers === 0
      && completed === REPORTERS && outbox.submitted === REPORTERS && pendingSent === lock.pendingOutbox.length && lock.pendingOutbox.length > 0
      && doubled.length === 0 && outbox.integrity === 'ok';
    return {
      id: '6a',
      title: 'database write lock held by another process',
      count: `${thousands(messages)} messages, lock held ${(heldMs / 1000).toFixed(1)} s`,
      ok,
      findings: [
        `${REPORTERS} users mid-way through /lapor (${thousands(scripts.flat().length)} turns, ${REPORTERS} of them sent into the lock) and ${TYPISTS} users typing ${BURST} × /bantuan into the lock; another process held BEGIN IMMEDIATE for ${heldMs} ms`,
        `answered: ${thousands(answerMs.length)} of ${thousands(scripts.flat().length)} conversation turns${unanswered.length ? `; NOT answered: ${unanswered.slice(0, 5).join(', ')}` : ''}; slowest answer ${(Math.max(0, ...answerMs) / 1000).toFixed(1)} s`,
        `conversations completed ${completed} of ${REPORTERS}; reports SUBMITTED in the database ${outbox.submitted} of ${REPORTERS}`,
        `/bantuan answered ${expectedHelp} times each: ${TYPISTS - helpShort.length} of ${TYPISTS} typists${helpShort.length ? ` (short: ${helpShort.slice(0, 5).join('; ')})` : ''}`,
        `'sistem sibuk' answers: ${busyAnswers}; generic error answers (umum.terjadiKesalahan): ${errorAnswers}; 'turn failed' logged ${turnFailures.length}×${turnFailures.length ? ` (codes ${[...new Set(turnFailures.map((l) => l.code))].join(', ')})` : ''}`,
        `outbox rows PENDING when the lock was taken: ${lock.pendingOutbox.length}${queued === null ? ' (Telegram outage did not hold them)' : ''}; SENT afterwards: ${pendingSent}`,
        `delivered messages = SENT rows in every chat: ${doubled.length === 0 ? 'yes' : `no (${doubled.slice(0, 5).join('; ')})`}`,
        `bot process ${running ? 'kept running' : `exited (${JSON.stringify(bot.exit)})`}; integrity_check ${outbox.integrity}`,
      ],
    };
  } finally {
    await bot.kill9();
    await tg.stop();
  }
};

export default databaseContention;

/** Walks one /lapor conversation; before turn `lockedAt` it reports ready and waits for the lock to be taken. */
async function converse(user: ChatUser, turns: Turn[], lockedAt: number, ready: () => void, locked: Promise<void>): Promise<void> {
  for (const [index, turn] of turns.entries()) {
    if (index === lockedAt) { ready(); await locked; }
    const answer = turn.kind === 'text' ? await user.say(turn.text, ANSWER_TIMEOUT_MS) : await user.press(turn.label, ANSWER_TIMEOUT_MS);
    if (!answer) {
      if (index < lockedAt) ready();
      return;
    }
  }
}

const countTexts = (user: ChatUser, prefix: string) => user.messages().filter((m) => m.text?.startsWith(prefix)).length;

function deliveredTo(tg: FaultTelegram, user: ChatUser): number {
  return tg.calls.filter((c) => c.method === 'sendMessage' && !c.error && Number(c.params.chat_id) === user.user.id).length;
}

function sentRows(rows: Array<{ address: string; payload: string; status: string }>, user: ChatUser): number {
  return rows.filter((row) => row.status === 'SENT' && (JSON.parse(row.address) as { chatId: string }).chatId === String(user.user.id)
    && (JSON.parse(row.payload) as { kind: string }).kind !== 'edit').length;
}
