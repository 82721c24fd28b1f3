// Scenario 2 (issue 10): one reminder to many members, drained through the outbox by the real
// Telegram messenger (real pacing) into a fake Bot API that enforces Telegram's limits.
import { Telegram } from 'telegraf';
import { createTelegramMessenger } from '../../adapters/telegram/telegramMessenger';
import { findPendingReports } from '../../src/core/scheduler/pendingReports';
import { loadInstansiSchedules } from '../../src/core/scheduler/instansiSchedules';
import { runTick } from '../../src/core/scheduler/runTick';
import { createDb, type Db } from '../../src/db/createDb';
import { createLogger } from '../../src/logger';
import type { FakeTelegram } from '../fakes/fakeTelegram';
import { config, loggedErrors, QUICK, SILENT_LOG_STREAM } from './benchConfig';
import { createOrganisationDb, linkTelegramDirectly, openCopy, type BenchMember } from './benchOrganisation';
import { enqueueRemindersDirectly } from './enqueueReminders';
import { RateLimitedTelegram, type LimitCounts } from './rateLimitedTelegram';
import { metric, type ScenarioReport } from './report';
import { watchStalls } from './stallWatch';
import { createProductionCore, startFakeTelegram } from './telegramBots';

const PER_SECOND = 30;
const P2029_NOTE = ' (Prisma P2029: the reminder job\'s pending-report query passes every anggota id as one parameter list and exceeds SQLite\'s limit at about 1,000 anggota; the job then fails at every tick and no report reminder goes out)';
const WEEK_MS = 7 * 86_400_000;

/** A reminder rung of the members' team in a past week (moved off days off by the scheduler's own rules). */
async function pastReminderRung(db: Db, pegawaiId: string): Promise<Date> {
  const schedules = await loadInstansiSchedules(db);
  for (let weeksBack = 1; weeksBack <= 4; weeksBack++) {
    const pending = await findPendingReports(db, new Date(Date.now() - weeksBack * WEEK_MS), schedules, pegawaiId);
    const rung = pending.get(pegawaiId)?.[0]?.rungs[0];
    if (rung) return rung;
  }
  throw new Error('no reminder rung in the last four weeks');
}

interface RunResult { errors: string[]; tickMs: number; stallMs: number; firstSendMs: number; drainPct: number; endToEndPct: number; lost: number; duplicated: number; counts: LimitCounts }

interface Prepared { file: string; members: BenchMember[]; chatIds: number[]; rung: Date }

/** One fan-out on a fresh copy: `tick` runs the scheduler's tick; `enqueue` queues the same reminders directly. */
async function fanOutOnce({ file: template, members: reminded, chatIds, rung }: Prepared, seed: number, via: 'tick' | 'enqueue'): Promise<RunResult> {
  const { db } = await openCopy(template);
  const tg: FakeTelegram = await startFakeTelegram();
  // The members wrote to the bot once (linking needs it), so the Bot API knows their chats.
  for (const id of chatIds) tg.rawUpdate({ message: { message_id: 1, date: 0, chat: { id, type: 'private' }, from: { id, is_bot: false, first_name: 'A' }, text: '/start' } });
  const limited = new RateLimitedTelegram(tg.apiRoot, config.fanOut.injected429Rate, seed);
  await limited.start();
  const core = createProductionCore(db, [createTelegramMessenger(new Telegram(tg.token, { apiRoot: limited.apiRoot, webhookReply: false }))]);
  const started = Date.now();
  try {
    // As src/scheduler/cron.ts does: one tick, then wake the outbox (its worker also polls each second).
    const stalls = watchStalls();
    const errorsBefore = new Map(loggedErrors.codes);
    if (via === 'tick') await runTick(db, rung, createLogger('info', SILENT_LOG_STREAM));
    else await enqueueRemindersDirectly(db, reminded, rung);
    const stallMs = await stalls.stop();
    const errors = [...loggedErrors.codes].filter(([code, n]) => n > (errorsBefore.get(code) ?? 0)).map(([code, n]) => `${code} ×${n - (errorsBefore.get(code) ?? 0)}`);
    core.wakeOutbox();
    const tickMs = Date.now() - started;
    const firstSendAfterMs = () => Math.min(...tg.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at)) - started;
    const deadline = started + ((chatIds.length / PER_SECOND) * 1.6 + 30) * 1000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if ((await db.outboxMessage.count({ where: { status: 'PENDING', platform: 'telegram' } })) === 0) break;
    }
    await core.stop();
    const members = new Set(chatIds);
    const delivered = tg.calls.filter((c) => c.method === 'sendMessage' && !c.error && members.has(Number(c.params.chat_id)));
    const perChat = new Map<number, number>();
    for (const call of delivered) perChat.set(Number(call.params.chat_id), (perChat.get(Number(call.params.chat_id)) ?? 0) + 1);
    const first = Math.min(...delivered.map((c) => c.at));
    const last = Math.max(...delivered.map((c) => c.at));
    const drainRate = delivered.length > 1 ? (delivered.length - 1) / ((last - first) / 1000) : 0;
    return {
      errors, tickMs, stallMs, firstSendMs: delivered.length > 0 ? firstSendAfterMs() : Number.NaN, counts: limited.counts,
      drainPct: (drainRate / PER_SECOND) * 100,
      endToEndPct: delivered.length > 0 ? ((delivered.length / ((last - started) / 1000)) / PER_SECOND) * 100 : 0,
      lost: chatIds.length - perChat.size,
      duplicated: [...perChat.values()].reduce((sum, n) => sum + n - 1, 0),
    };
  } finally {
    await core.stop();
    await limited.stop();
    await tg.stop();
    await db.$disconnect();
  }
}

/** A fresh organisation of `count` members in one team, linked, and a past reminder rung of theirs. */
async function prepare(count: number): Promise<Prepared> {
  const { file, members } = await createOrganisationDb(count, { singleTeam: true });
  const db = await createDb(file);
  const chatIds = await linkTelegramDirectly(db, members, 7_000_000);
  const rung = await pastReminderRung(db, members[0]!.pegawaiId);
  await db.$disconnect();
  return { file, members, chatIds, rung };
}

function fanOutMetrics(label: string, runs: RunResult[]) {
  return [
    metric(`${label}drain rate (first to last delivery)`, '% of 30/s', runs.map((r) => r.drainPct), { text: '≥ 95%', ok: (v) => v >= 95 }),
    metric(`${label}end to end (tick start to last delivery)`, '% of 30/s', runs.map((r) => r.endToEndPct)),
    metric(`${label}tick (enqueue all reminders)`, 's', runs.map((r) => r.tickMs / 1000)),
    metric(`${label}longest event-loop stall during the tick`, 'ms', runs.map((r) => r.stallMs)),
    metric(`${label}first delivery after tick start`, 's', runs.map((r) => r.firstSendMs / 1000)),
    metric(`${label}lost (members never reached)`, 'messages', runs.map((r) => r.lost), { text: '0', ok: (v) => v === 0 }),
    metric(`${label}duplicated (second copies)`, 'messages', runs.map((r) => r.duplicated), { text: '0', ok: (v) => v === 0 }),
  ];
}

/**
 * `memberCount` members × config.runs; then, if `extraMembers` is set, one more run at that size
 * (the issue's 2,000 when three of them do not fit in the time budget).
 */
export async function benchReminderFanOut(memberCount: number, reason: string, extraMembers: number | null = null): Promise<ScenarioReport> {
  const startedAt = performance.now();
  const prepared = await prepare(memberCount);
  const runs: RunResult[] = [];
  for (let run = 0; run < config.runs; run++) runs.push(await fanOutOnce(prepared, run + 1, 'tick'));
  const extra = !extraMembers ? null : extraMembers === memberCount ? prepared : await prepare(extraMembers);
  // If the reminder job fails at this size (see the notes), the drain is measured on the same
  // reminders queued directly.
  const extraTick = extra ? await fanOutOnce(extra, 98, 'tick') : null;
  const tickFailed = extraTick !== null && extraTick.lost === extraMembers;
  // BENCH_QUICK queues directly as well, so CI runs that path.
  const direct = extra !== null && (tickFailed || QUICK);
  const extraRun = direct ? await fanOutOnce(extra, 99, 'enqueue') : extraTick;
  const all = [...runs, ...(extraRun ? [extraRun] : [])];
  const labelled: Array<[string, RunResult]> = [
    ...runs.map((r, i): [string, RunResult] => [`run ${i + 1}`, r]),
    ...(extraTick ? [[`the ${extraMembers}-member tick`, extraTick] as [string, RunResult]] : []),
    ...(extraRun && direct ? [[`the ${extraMembers}-member direct queue`, extraRun] as [string, RunResult]] : []),
  ];
  const sum = (pick: (c: LimitCounts) => number) => runs.map((r) => pick(r.counts)).join('/');
  return {
    id: '2', title: 'Reminder fan-out through the outbox to a Bot API enforcing 30 msg/s, 1/s per chat, 2% random 429', seconds: (performance.now() - startedAt) / 1000,
    n: `${memberCount} members × ${config.runs} runs, one reminder each (rung ${prepared.rung.toISOString()}, run through runTick)${reason}${extraMembers ? `; then ${extraMembers} members × 1 run` : ''}`,
    metrics: [
      ...fanOutMetrics('', runs),
      ...(tickFailed ? [metric(`${extraMembers} members via runTick: reminders delivered`, 'messages', [0], { text: `${extraMembers}`, ok: () => false })] : []),
      ...(extraRun ? fanOutMetrics(`${extraMembers} members ${direct ? 'queued directly' : 'via runTick'} (1 run): `, [extraRun]) : []),
    ],
    notes: [
      ...labelled.flatMap(([label, r]) => (r.errors.length > 0 ? [`Errors logged in ${label}: ${r.errors.join(', ')}${r.errors.some((e) => e.startsWith('P2029')) ? P2029_NOTE : ''}.`] : [])),
      ...(direct ? [`The ${extraMembers}-member drain: the same reminders queued with the job's own enqueueSends and reminderMessage, in transactions of 200, then drained by the worker.`] : []),
      `429s answered per run (injected / over 30 per s / same chat within 1 s): ${sum((c) => c.injected429)} / ${sum((c) => c.global429)} / ${sum((c) => c.perChat429)}; accepted sends ${sum((c) => c.accepted)}.`,
      `Nothing is sent until the tick has enqueued every reminder: the tick holds the event loop the whole time (longest stall ${all.map((r) => (r.stallMs / 1000).toFixed(1)).join('/')} s), since better-sqlite3 is synchronous and Prisma's promises resolve as microtasks; webhooks and Slack acks would wait as long.`,
      'Slack\'s 1 message/s per channel for digests is not measured yet.',
    ],
  };
}
