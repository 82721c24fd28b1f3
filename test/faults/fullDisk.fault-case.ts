// Issue 10, case 6b: the disk under the database fills up while pegawai write long progress
// reports. Each message that cannot be saved must get a clear answer in Indonesian (not silence,
// not a crash), the log must say the disk is full, the database must pass integrity_check, and
// once space is freed the same conversations must go on to a submitted report.
import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BotProcess, type LogLine } from './botProcess';
import { botEnv } from './botEnv';
import { ChatUser } from './chatUser';
import { QUICK } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import { FaultTelegram } from './faultTelegram';
import { DATABASE_FILE, limitedDisk } from './limitedDisk';
import { linkedOrganisation, readDatabase } from './linkedOrganisation';
import { LongReporter, type StepOutcome } from './longReporter';

const USERS = QUICK ? 3 : 8;
/** Space left for the bot once the disk is filled by another file. */
const HEADROOM_BYTES = (QUICK ? 256 : 1024) * 1024;
/** Messages each user sends after the first "storage full" answer, while the disk stays full. */
const PROBES = 3;
const MAX_FILL_STEPS = QUICK ? 300 : 1_000;
const ANSWER_TIMEOUT_MS = 20_000;
/** While the disk is full an answer may wait in the outbox: the person stops and waits this long per step. */
const FULL_TIMEOUT_MS = 6_000;
/** However the bot behaves, filling gives up after this long and finishing after that long. */
const FILL_LIMIT_MS = 30_000;
const FINISH_LIMIT_MS = 40_000;

type Tally = Record<Exclude<StepOutcome, 'silent'>, number>;
const KEYS = ['answered', 'late', 'storage full', 'error'] as const;
const tally = (reporters: LongReporter[]): Tally => {
  const sum: Tally = { answered: 0, late: 0, 'storage full': 0, error: 0 };
  for (const r of reporters) for (const key of KEYS) sum[key] += r.outcomes[key];
  return sum;
};
const minus = (a: Tally, b: Tally): Tally => Object.fromEntries(KEYS.map((key) => [key, a[key] - b[key]])) as Tally;
const describe = (t: Tally) => `${t.answered} answered normally, ${t['storage full']} answered 'penyimpanan penuh', ${t.error} answered 'terjadi kesalahan', ${t.late} answered late (saved, answer held in the outbox)`;
const waiting = (reporters: LongReporter[]) => reporters.filter((r) => r.waiting).length;
const integrity = (file: string) => readDatabase(file, (db) => (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; '));

const fullDisk: FaultCase = async () => {
  const org = await linkedOrganisation(USERS, 6_200_001);
  const disk = limitedDisk(statSync(org.file).size + 8 * 1024 * 1024);
  const file = path.join(disk.dir, DATABASE_FILE);
  copyFileSync(org.file, file);
  const tg = new FaultTelegram();
  await tg.start();
  let bot: BotProcess | undefined;
  try {
    bot = await BotProcess.start(botEnv({ file, tg }));
    const chats = org.users.map((user) => new ChatUser(tg, user));
    const reporters = chats.map((chat, i) => new LongReporter(chat, org.members[i]!.targets));
    const helpBefore = (await Promise.all(chats.map((chat) => chat.say('/bantuan', ANSWER_TIMEOUT_MS)))).filter(Boolean).length;

    disk.fill(HEADROOM_BYTES, bot.pid);
    const filledAt = Date.now();
    // Full once a turn fails (whatever the bot then says) or an answer says so.
    const turnFailed = () => bot!.logs().some((l) => l.msg === 'turn failed');
    let steps = 0;
    await Promise.all(reporters.map(async (reporter) => {
      while (steps < MAX_FILL_STEPS && Date.now() - filledAt < FILL_LIMIT_MS && tally(reporters)['storage full'] === 0 && !turnFailed()) {
        steps++;
        await reporter.step(FULL_TIMEOUT_MS);
      }
    }));
    const untilFull = tally(reporters);
    const fullAfterS = (Date.now() - filledAt) / 1000;
    for (let probe = 0; probe < PROBES; probe++) await Promise.all(reporters.map((reporter) => reporter.step(FULL_TIMEOUT_MS)));
    const whileFull = minus(tally(reporters), untilFull);
    const waitingWhileFull = waiting(reporters);
    const integrityWhileFull = integrity(file);
    const aliveWhileFull = bot.exit === null;

    disk.free(bot.pid);
    const beforeFreed = tally(reporters);
    for (const reporter of reporters) reporter.finish();
    const freedAt = Date.now();
    await Promise.all(reporters.map(async (reporter) => {
      for (let i = 0; i < 40 && !reporter.done && Date.now() - freedAt < FINISH_LIMIT_MS; i++) if ((await reporter.step(ANSWER_TIMEOUT_MS)) === 'silent') return;
    }));
    const afterFreed = minus(tally(reporters), beforeFreed);
    const helpAfter = (await Promise.all(chats.map((chat) => chat.say('/bantuan', ANSWER_TIMEOUT_MS)))).filter(Boolean).length;
    const integrityAfterFreed = integrity(file);
    const running = bot.exit === null;
    await bot.stop();
    const logs = bot.logs();
    const integrityAfterStop = integrity(file);
    const submitted = readDatabase(file, (db) => (db.prepare(`SELECT count(*) AS n FROM Laporan WHERE status = 'SUBMITTED'`).get() as { n: number }).n);
    // The outbox logs a send whose SENT row could not be written as a failed send, with the database's code.
    const unrecorded = logs.filter((l) => l.msg === 'outbox send failed' && /^(SQLITE_|P20)/.test(String(l.code))).length;
    const resent = logs.filter((l) => l.code === 'OUTBOX_RESEND_AFTER_LEASE').length;
    const direct = logs.filter((l) => l.code === 'ERROR_REPLY_DIRECT').length;

    // RLIMIT_FSIZE fails a write with EFBIG, which SQLite mostly reports as SQLITE_IOERR_WRITE (STORAGE_IO).
    const refusedCodes = disk.kind === 'tmpfs' ? ['STORAGE_FULL'] : ['STORAGE_FULL', 'STORAGE_IO'];
    const fullLines = logs.filter((l) => l.msg === 'turn failed' && refusedCodes.includes(String(l.code)));
    const refusedWhileFull = whileFull['storage full'] + (disk.kind === 'tmpfs' ? 0 : whileFull.error);
    const total = tally(reporters);
    const unanswered = waiting(reporters);
    const ok = aliveWhileFull && running && unanswered === 0 && (disk.kind !== 'tmpfs' || total.error === 0)
      && refusedWhileFull > 0 && fullLines.length > 0 && integrityWhileFull === 'ok' && integrityAfterFreed === 'ok'
      && integrityAfterStop === 'ok' && unrecorded === 0 && helpBefore === USERS && helpAfter === USERS && submitted === USERS && afterFreed['storage full'] === 0;
    return {
      id: '6b',
      title: 'disk full under the database',
      count: `${thousands(KEYS.reduce((sum, key) => sum + total[key], unanswered))} report messages, ${disk.kind} ${HEADROOM_BYTES / 1024} KiB left`,
      ok,
      findings: [
        `${disk.kind === 'tmpfs' ? 'database on its own tmpfs, filled by another file' : 'tmpfs not permitted here: the bot\'s RLIMIT_FSIZE (prlimit) stood in for the disk'} leaving ${HEADROOM_BYTES / 1024} KiB; ${USERS} users writing long reports`,
        `until the disk was full (${fullAfterS.toFixed(1)} s, ${steps} messages): ${describe(untilFull)}`,
        `while full, ${PROBES} more steps each: ${describe(whileFull)}; ${waitingWhileFull} of ${USERS} users still waiting for an answer held in the outbox`,
        `logged: ${fullLines.length} × ${fullLines[0] ? quote(fullLines[0]) : `no ${refusedCodes.join('/')} line`}; other errors: ${otherErrors(logs, refusedCodes)}`,
        `integrity_check: while full ${integrityWhileFull}, after freeing ${integrityAfterFreed}, after shutdown ${integrityAfterStop}`,
        `after freeing: ${describe(afterFreed)}; never answered: ${unanswered}; reports SUBMITTED ${submitted} of ${USERS}; /bantuan answered ${helpAfter} of ${USERS} (before filling ${helpBefore})`,
        `error answers sent directly, past the outbox (it could not take them): ${direct}`,
        `outbox messages delivered while full whose SENT could not be written: ${unrecorded}${unrecorded ? ` (src/core/outbox/drainOutbox.ts handles it as a failed send: the row stays claimed, that chat's later answers wait behind it for the 60 s lease, then it goes out again; resent so far ${resent})` : ''}`,
        `bot process ${running && aliveWhileFull ? 'kept running' : `exited (${JSON.stringify(bot.exit)})`}`,
      ],
    };
  } finally {
    await bot?.kill9();
    await tg.stop();
    disk.dispose();
  }
};

export default fullDisk;

function quote(line: LogLine): string {
  const { level, code, sqliteCode, hint, msg } = line;
  return JSON.stringify({ level, msg, code, sqliteCode, hint });
}

function otherErrors(logs: LogLine[], refusedCodes: string[]): string {
  const counts = new Map<string, number>();
  for (const l of logs) if (l.level >= 50 && !(l.msg === 'turn failed' && refusedCodes.includes(String(l.code)))) counts.set(`${l.msg} (${l.code})`, (counts.get(`${l.msg} (${l.code})`) ?? 0) + 1);
  return counts.size === 0 ? 'none' : [...counts].map(([what, n]) => `${n} × ${what}`).join(', ');
}
