// Scenario 1 (issue 10): inbound turns through the real telegraf bot in webhook mode, beside a
// bare telegraf echo bot on the same fake Bot API as the ceiling. Load generator, bots and fake
// API share one process (one core), as in the issue's reference figures.
import type { Db } from '../../src/db/createDb';
import type { FakeTelegram, FakeUser } from '../fakes/fakeTelegram';
import { config, loggedErrors, QUICK } from './benchConfig';
import { countSqlStatements, profiled } from './cpuProfile';
import { createOrganisationDb, openCopy, type BenchMember } from './benchOrganisation';
import { closedLoop, JsonPoster, openLoop } from './httpLoad';
import { linkTelegramByCodes } from './linkByCodes';
import { ReportingUser } from './progressReportScript';
import { metric, type ScenarioReport } from './report';
import { percentile } from './stats';
import { privateChat, startFakeTelegram, startEchoWebhook, startTimkerjaWebhook, WEBHOOK_HEADERS, type RunningWebhook } from './telegramBots';

interface Bench { tg: FakeTelegram; bot: RunningWebhook; poster: JsonPoster; db?: Db }

async function startBench(kind: 'echo' | 'timkerja', template?: string): Promise<Bench> {
  const tg = await startFakeTelegram();
  if (kind === 'echo') {
    const bot = await startEchoWebhook(tg);
    return { tg, bot, poster: new JsonPoster(bot.url, WEBHOOK_HEADERS) };
  }
  const { db } = await openCopy(template!);
  const bot = await startTimkerjaWebhook(tg, db);
  return { tg, bot, db, poster: new JsonPoster(bot.url, WEBHOOK_HEADERS) };
}

async function stopBench(bench: Bench): Promise<void> {
  bench.poster.close();
  await bench.bot.stop();
  await bench.tg.stop();
  await bench.db?.$disconnect();
}

const submittedBy = (db: Db, members: BenchMember[]) =>
  db.laporan.count({ where: { kind: 'KEMAJUAN_ANGGOTA', status: 'SUBMITTED', authorId: { in: members.map((m) => m.pegawaiId) } } });

/** Closed loop, one sender per user: how many updates a second the bot takes when saturated. */
async function saturated(kind: 'echo' | 'timkerja', template: string, members: BenchMember[], users: FakeUser[]) {
  const bench = await startBench(kind, template);
  let failed = 0;
  const post = async (update: unknown) => { if ((await bench.poster.post(JSON.stringify(update))) !== 200) failed++; };
  try {
    if (kind === 'echo') {
      let remaining = config.inbound.echoUpdates;
      const result = await closedLoop(users.length, (worker) => (remaining-- > 0 ? () => post(bench.tg.sendText(users[worker]!, privateChat(users[worker]!), 'halo')) : null));
      const echoed = bench.tg.calls.filter((c) => c.method === 'sendMessage' && !c.error).length;
      return { rate: (result.done / result.ms) * 1000, failed, complete: echoed === result.done ? 1 : 0 };
    }
    const reporters = members.map((member, i) => new ReportingUser(users[i]!, member, bench.tg, bench.db!));
    const result = await closedLoop(reporters.length, (worker) => {
      const reporter = reporters[worker]!;
      return reporter.finished ? null : async () => {
        const update = await reporter.nextUpdate();
        if (update) await post(update);
      };
    });
    return { rate: (result.done / result.ms) * 1000, failed, complete: (await submittedBy(bench.db!, members)) / members.length };
  } finally {
    await stopBench(bench);
  }
}

/** Open loop at a steady offered rate: each user's turns about a second apart, whole conversations. */
async function steady(kind: 'echo' | 'timkerja', template: string, members: BenchMember[], users: FakeUser[], rate = config.inbound.openLoopRate) {
  const bench = await startBench(kind, template);
  const reporters = members.map((member, i) => new ReportingUser(users[i]!, member, bench.tg, bench.db ?? null));
  // Round robin over the users still in their conversation: slot i is user schedule[i]'s next turn.
  const schedule: number[] = [];
  for (let turn = 0; turn < Math.max(...reporters.map((r) => r.turnCount)); turn++) {
    reporters.forEach((r, index) => { if (turn < r.turnCount) schedule.push(index); });
  }
  let failed = 0;
  try {
    const latencies = await openLoop(rate, schedule.length, async (i) => {
      const reporter = reporters[schedule[i]!]!;
      return reporter.inTurn(async () => {
        const update = kind === 'echo' ? bench.tg.sendText(reporter.user, privateChat(reporter.user), 'halo') : await reporter.nextUpdate();
        if (!update) return false;
        if ((await bench.poster.post(JSON.stringify(update))) !== 200) failed++;
        if (kind === 'timkerja') reporter.prefetch();
        return true;
      });
    });
    const complete = kind === 'echo' ? 1 : (await submittedBy(bench.db!, members)) / members.length;
    const held = reporters.reduce((sum, r) => sum + r.held, 0);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length, failed, complete, held };
  } finally {
    await stopBench(bench);
  }
}

export async function benchInboundTurns(): Promise<ScenarioReport> {
  const started = performance.now();
  const { users: n, openLoopUsers } = config.inbound;
  const { file, members } = await createOrganisationDb(n + openLoopUsers);
  const users = await linkTelegramByCodes(file, members, 5_000_000);
  const [satMembers, satUsers] = [members.slice(0, n), users.slice(0, n)];
  const [steadyMembers, steadyUsers] = [members.slice(n), users.slice(n)];
  const r = { echoRate: [] as number[], realRate: [] as number[], ratio: [] as number[], echoP50: [] as number[], echoP99: [] as number[], realP50: [] as number[], realP99: [] as number[], lighterP50: [] as number[], lighterP99: [] as number[] };
  const problems: string[] = [];
  const errorsBefore = loggedErrors.count;
  let steadyCount = 0;
  let held = 0;
  let heldLighter = 0;
  for (let run = 0; run < config.runs; run++) {
    const echo = await saturated('echo', file, [], satUsers);
    const real = await saturated('timkerja', file, satMembers, satUsers);
    const echoSteady = await steady('echo', file, steadyMembers, steadyUsers);
    const realSteady = await steady('timkerja', file, steadyMembers, steadyUsers);
    // Below saturation too, so the latency of a turn is visible apart from the queue.
    const realLighter = await steady('timkerja', file, steadyMembers, steadyUsers, config.inbound.lighterRate);
    r.lighterP50.push(realLighter.p50); r.lighterP99.push(realLighter.p99);
    steadyCount = realSteady.count;
    held += realSteady.held;
    heldLighter += realLighter.held;
    r.echoRate.push(echo.rate); r.realRate.push(real.rate); r.ratio.push(real.rate / echo.rate);
    r.echoP50.push(echoSteady.p50); r.echoP99.push(echoSteady.p99); r.realP50.push(realSteady.p50); r.realP99.push(realSteady.p99);
    for (const [name, result] of Object.entries({ echo, real, echoSteady, realSteady, realLighter })) {
      if (result.failed > 0 || result.complete < 1) problems.push(`run ${run + 1} ${name}: ${result.failed} non-200 answers, ${(result.complete * 100).toFixed(0)}% of conversations completed`);
    }
  }
  // One more saturated run, not counted, under the sampling profiler: where the time goes.
  const profileUsers = Math.min(50, n);
  const profile = QUICK ? null : await profiled(() => saturated('timkerja', file, satMembers.slice(0, profileUsers), satUsers.slice(0, profileUsers)));
  const counted = await countSqlStatements(() => saturated('timkerja', file, satMembers.slice(0, 10), satUsers.slice(0, 10)));
  const statementsPerTurn = counted.statements / satMembers.slice(0, 10).reduce((sum, m) => sum + Math.max(1, m.targets) + 7, 0);
  const errors = loggedErrors.count - errorsBefore;
  const turns = satMembers.reduce((sum, m) => sum + Math.max(1, m.targets) + 7, 0);
  return {
    id: '1', title: 'Inbound turns: real telegraf bot (webhook, secret token) vs bare telegraf echo bot', seconds: (performance.now() - started) / 1000,
    n: `${n} users at once × a whole /lapor conversation (${turns} updates); echo ${config.inbound.echoUpdates} updates from ${n} senders; steady load ${steadyCount} updates from ${openLoopUsers} users at ${config.inbound.openLoopRate}/s (and at ${config.inbound.lighterRate}/s)`,
    metrics: [
      metric('echo bot saturated', 'updates/s', r.echoRate),
      metric('timkerja saturated', 'updates/s', r.realRate),
      metric('timkerja / echo', '×', r.ratio, { text: '≥ 0.5×', ok: (v) => v >= 0.5 }),
      metric(`echo p50 @ ${config.inbound.openLoopRate}/s`, 'ms', r.echoP50),
      metric(`echo p99 @ ${config.inbound.openLoopRate}/s`, 'ms', r.echoP99),
      metric(`timkerja p50 @ ${config.inbound.openLoopRate}/s`, 'ms', r.realP50),
      metric(`timkerja p99 @ ${config.inbound.openLoopRate}/s`, 'ms', r.realP99, { text: '< 25 ms', ok: (v) => v < 25 }),
      metric(`timkerja p50 @ ${config.inbound.lighterRate}/s`, 'ms', r.lighterP50),
      metric(`timkerja p99 @ ${config.inbound.lighterRate}/s`, 'ms', r.lighterP99),
    ],
    notes: [
      `Every conversation was checked${problems.length === 0 ? ' and ended with the user\'s laporan SUBMITTED' : ' (problems listed below)'}; a press uses the token the bot queued for that user (read from the outbox row, as if delivered at once).`,
      'The outbox worker runs as in production (real pacing, 30 msg/s) and drains replies in the background during the load.',
      ...(profile ? [`Profile of a saturated run (${profileUsers} users, not counted): ${profile.summary}.`] : []),
      `About ${statementsPerTurn.toFixed(0)} SQL statements per turn (10 users' conversations, outbox worker included), each planned by Prisma's query compiler and prepared anew by the adapter.`,
      `Errors logged by the bot during the scenario: ${errors}${errors > 0 ? ` (${[...loggedErrors.codes].map(([c, k]) => `${c} ×${k}`).join(', ')})` : ''}.`,
      `Steady load, all runs: ${held} turn(s) at ${config.inbound.openLoopRate}/s and ${heldLighter} at ${config.inbound.lighterRate}/s were due before the same user's previous turn was answered; they waited for it, and their latency counts from the planned time.`,
      ...problems,
    ],
  };
}
