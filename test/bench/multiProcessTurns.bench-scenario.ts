// Scenario 7 (issue 11): inbound turns per second with 1, 2 and 3 bot processes on one PostgreSQL
// server, beside one process on SQLite, in the same run. Every bot is the real src/main.ts in a
// child process (webhook mode); the fake Bot API runs in a process of its own; the load generator
// (closed loop of /lapor conversations, as scenario 1) stays in the bench process.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../prisma/postgresql/throwawayServer';
import { createDb, type Db } from '../../src/db/createDb';
import { FakeTelegram } from '../fakes/fakeTelegram';
import { config } from './benchConfig';
import { importBenchOrganisation, linkTelegramDirectly, type BenchMember } from './benchOrganisation';
import { startBotFleet, type BotFleet } from './botFleet';
import { FleetReportingUser } from './fleetReportingUser';
import { closedLoop, JsonPoster } from './httpLoad';
import { PresetTelegramChild } from './presetTelegramChild';
import { machineBusySeconds, postgresCpuSeconds, processCpuSeconds } from './processCpu';
import { metric, type Metric, type ScenarioReport } from './report';
import { median, percentile } from './stats';
import { WEBHOOK_HEADERS } from './telegramBots';

interface Variant { key: string; label: string; postgres: boolean; processes: number }
const VARIANTS: Variant[] = [
  { key: 'sqlite1', label: 'SQLite, 1 process', postgres: false, processes: 1 },
  { key: 'pg1', label: 'PostgreSQL, 1 process', postgres: true, processes: 1 },
  { key: 'pg2', label: 'PostgreSQL, 2 processes', postgres: true, processes: 2 },
  { key: 'pg3', label: 'PostgreSQL, 3 processes', postgres: true, processes: 3 },
];
const FIRST_USER_ID = 7_000_000;
const TEMPLATE = 'bench7_template';
const CPU_PARTS = ['bots', 'postgres', 'fake', 'load', 'machine'] as const;
type Cpu = Record<(typeof CPU_PARTS)[number] | 'other', number>;

interface Participant { member: BenchMember; userId: number }
interface Outcome {
  /** Measured turns per second of the whole closed loop. */
  rate: number;
  p50: number;
  p99: number;
  turns: number;
  seconds: number;
  /** Cores busy during the whole loop, per part; `other`: the rest of the machine (processes not ours). */
  cores: Cpu;
  /** Deliveries posted a second time after a connection failure (status 0). */
  retried: number;
  problems: string[];
}
interface Database { location: string; drop(): Promise<void> }

/** The organisation with its members linked to Telegram, on a migrated database; the same code for both. */
async function seed(location: string, members: number): Promise<BenchMember[]> {
  const db = await createDb(location);
  try {
    const seeded = await importBenchOrganisation(db, members);
    await linkTelegramDirectly(db, seeded, FIRST_USER_ID);
    return seeded;
  } finally {
    await db.$disconnect();
  }
}

function cpuNow(pids: number[], fakePid: number, postgresPort: number): Omit<Cpu, 'other'> & { at: number } {
  const own = process.cpuUsage();
  return {
    bots: pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0), postgres: postgresCpuSeconds(postgresPort), fake: processCpuSeconds(fakePid),
    load: (own.user + own.system) / 1e6, machine: machineBusySeconds(), at: performance.now(),
  };
}

/** One variant on a fresh copy of the seeded database: start the fake and the bots, warm them up, measure, check. */
async function runVariant(variant: Variant, database: string, participants: Participant[], warm: number, postgresPort: number, scratch: string): Promise<Outcome> {
  const db = await createDb(database, { poolSize: 4 });
  const builder = new FakeTelegram();
  const users = participants.map(({ member, userId }) => new FleetReportingUser(userId, member, builder, db));
  const fake = await PresetTelegramChild.start({ chatIds: users.map((u) => u.userId), presses: users.flatMap((u) => u.pressIds.map((id) => ({ id, userId: u.userId }))) });
  let outcome: Outcome;
  let calls: Awaited<ReturnType<PresetTelegramChild['stop']>>;
  try {
    const fleet = await startBotFleet({ count: variant.processes, database, sqliteDir: scratch, apiRoot: fake.apiRoot, token: fake.token });
    try {
      outcome = await measure(db, users, warm, fleet, () => cpuNow(fleet.pids, fake.pid, postgresPort));
    } finally {
      await fleet.stop();
    }
  } finally {
    calls = await fake.stop();
    await db.$disconnect();
  }
  const refused = Object.entries(calls).filter(([, count]) => count.failed > 0).map(([method, count]) => `${method} ×${count.failed}`);
  if (refused.length > 0) outcome.problems.push(`calls the fake Bot API refused: ${refused.join(', ')}`);
  return outcome;
}

/** The warm-up users' conversations, then the measured users' (closed loop), and the checks of both. */
async function measure(db: Db, users: FleetReportingUser[], warm: number, fleet: BotFleet, cpu: () => ReturnType<typeof cpuNow>): Promise<Outcome> {
  const posters = fleet.urls.map((url) => new JsonPoster(url, WEBHOOK_HEADERS));
  let next = 0;
  let posted = 0;
  let retried = 0;
  const failed = new Map<number, number>();
  const latencies: number[] = [];
  // Round robin over the processes, update by update: any process may get any turn of a user.
  const converse = (group: FleetReportingUser[]) => closedLoop(group.length, (worker) => {
    const user = group[worker]!;
    return user.finished ? null : async () => {
      const update = await user.nextUpdate();
      if (!update) return;
      const poster = posters[next++ % posters.length]!;
      const body = JSON.stringify(update);
      const sentAt = performance.now();
      let status = await poster.post(body);
      // A keep-alive connection the process closed just as it was reused: Telegram, too, posts again (the core dedupes).
      if (status === 0) {
        retried++;
        status = await poster.post(body);
      }
      latencies.push(performance.now() - sentAt);
      posted++;
      if (status !== 200) failed.set(status, (failed.get(status) ?? 0) + 1);
    };
  });
  try {
    const eventsBefore = await db.inboundEvent.count();
    await converse(users.slice(0, warm));
    const warmTurns = posted;
    latencies.length = 0;
    // Telegram keeps its webhook connections open: so are ours, one per user to each process (a
    // request with a wrong secret, answered 403 before any work). A busy process accepts new
    // connections late, which made the first turns wait up to the whole loop.
    const wrongSecret = { 'x-telegram-bot-api-secret-token': 'bench-opens-a-connection' };
    await Promise.all(posters.flatMap((poster) => users.map(() => poster.post('{}', 'application/json', wrongSecret))));
    const before = cpu();
    const loop = await converse(users.slice(warm));
    const after = cpu();
    const wall = (after.at - before.at) / 1000;
    const cores = Object.fromEntries(CPU_PARTS.map((part) => [part, (after[part] - before[part]) / wall])) as Cpu;
    cores.other = cores.machine - cores.bots - cores.postgres - cores.fake - cores.load;
    const turns = posted - warmTurns;
    const problems: string[] = [];
    const submitted = await db.laporan.count({ where: { kind: 'KEMAJUAN_ANGGOTA', status: 'SUBMITTED', authorId: { in: users.map((u) => u.member.pegawaiId) } } });
    const recorded = await db.inboundEvent.count() - eventsBefore;
    const expected = users.reduce((sum, u) => sum + u.turnCount, 0);
    if (submitted !== users.length) problems.push(`${submitted} of ${users.length} progress reports SUBMITTED`);
    if (posted !== expected || recorded !== posted) problems.push(`${posted} of ${expected} turns posted, ${recorded} recorded as inbound events`);
    if (failed.size > 0) problems.push(`webhook answers other than 200: ${[...failed].map(([status, n]) => `${status === 0 ? 'no connection' : status} ×${n}`).join(', ')}`);
    const errors = fleet.errors();
    if (errors.size > 0) problems.push(`errors logged by the bots: ${[...errors].map(([code, n]) => `${code} ×${n}`).join(', ')}`);
    return {
      rate: turns / (loop.ms / 1000),
      p50: percentile(latencies, 50), p99: percentile(latencies, 99), turns, seconds: loop.ms / 1000, cores, retried, problems,
    };
  } finally {
    for (const poster of posters) poster.close();
  }
}

/** A fresh copy of the seeded database for one variant's run. */
async function freshDatabase(variant: Variant, server: ThrowawayPostgres, admin: pg.Client, sqliteTemplate: string, tag: string): Promise<Database> {
  if (variant.postgres) {
    const name = `bench7_${tag}`;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    return { location: url.toString(), drop: async () => { await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`); } };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-bench7-'));
  const file = path.join(dir, 'timkerja.db');
  copyFileSync(sqliteTemplate, file);
  if (existsSync(`${sqliteTemplate}-wal`)) copyFileSync(`${sqliteTemplate}-wal`, `${file}-wal`);
  return { location: file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '?');

export async function benchMultiProcessTurns(): Promise<ScenarioReport> {
  const started = performance.now();
  const maxWarm = config.multiProcess.warmUsersPerProcess * Math.max(...VARIANTS.map((v) => v.processes));
  const count = config.multiProcess.users + maxWarm;
  const outcomes = new Map<string, Outcome[]>(VARIANTS.map((v) => [v.key, []]));
  const problems: string[] = [];
  const server = await startThrowawayPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  const scratch = mkdtempSync(path.join(tmpdir(), 'timkerja-bench7-'));
  try {
    await admin.connect();
    const sqliteTemplate = path.join(scratch, 'template.db');
    const sqliteMembers = await seed(sqliteTemplate, count);
    const pgMembers = await seed(server.createDatabase(TEMPLATE), count);
    const postgresPort = Number(new URL(server.url).port);
    for (let run = 0; run < config.runs; run++) {
      for (const variant of VARIANTS) {
        // Every variant has the same measured users; the warm-up users before them are left unused.
        const all = (variant.postgres ? pgMembers : sqliteMembers).map((member, i): Participant => ({ member, userId: FIRST_USER_ID + i }));
        const warm = config.multiProcess.warmUsersPerProcess * variant.processes;
        const database = await freshDatabase(variant, server, admin, sqliteTemplate, `r${run}_${variant.key}`);
        try {
          const outcome = await runVariant(variant, database.location, [...all.slice(0, warm), ...all.slice(maxWarm)], warm, postgresPort, scratch);
          outcomes.get(variant.key)!.push(outcome);
          problems.push(...outcome.problems.map((p) => `run ${run + 1}, ${variant.label}: ${p}`));
        } finally {
          await database.drop();
        }
      }
    }
  } finally {
    await admin.end();
    server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const of = (key: string) => outcomes.get(key)!;
  const ratio = (key: string, base: string) => of(key).map((o, run) => o.rate / of(base)[run]!.rate);
  const turns = of('pg1')[0]?.turns ?? 0;
  const metrics: Metric[] = [
    ...VARIANTS.map((v) => metric(`${v.label}`, 'turns/s', of(v.key).map((o) => o.rate))),
    metric('PostgreSQL 2 processes / 1 process', '×', ratio('pg2', 'pg1'), { text: '≥ 1.6×', ok: (v) => v >= 1.6 }),
    metric('PostgreSQL 3 processes / 1 process', '×', ratio('pg3', 'pg1')),
    metric('PostgreSQL 1 process / SQLite 1 process', '×', ratio('pg1', 'sqlite1')),
    ...VARIANTS.flatMap((v) => [
      metric(`${v.label}: turn p50`, 'ms', of(v.key).map((o) => o.p50)),
      metric(`${v.label}: turn p99`, 'ms', of(v.key).map((o) => o.p99)),
    ]),
  ];
  const cores = cpus().length;
  const mid = (key: string, pick: (o: Outcome) => number) => median(of(key).map(pick));
  const ours = (o: Outcome) => o.cores.bots + o.cores.postgres + o.cores.fake + o.cores.load;
  // CPU milliseconds per turn of one part (cores busy × loop time ÷ turns).
  const msPerTurn = (o: Outcome, busy: number) => (busy * o.seconds * 1000) / o.turns;
  const cpuLine = (v: Variant) => {
    const m = (part: keyof Cpu) => fixed(mid(v.key, (o) => o.cores[part]));
    const perTurn = (pick: (o: Outcome) => number) => fixed(mid(v.key, (o) => msPerTurn(o, pick(o))), 1);
    return `${v.label}: cores busy: bots ${m('bots')}, PostgreSQL ${m('postgres')}, fake Bot API ${m('fake')}, load generator ${m('load')}, other processes ${m('other')} (machine ${m('machine')}); `
      + `CPU per turn ${perTurn(ours)} ms (bots ${perTurn((o) => o.cores.bots)}, PostgreSQL ${perTurn((o) => o.cores.postgres)})`;
  };
  // At the CPU a turn cost with 2 processes, all cores together allow at most this many turns/s.
  const ceiling = mid('pg2', (o) => (cores * 1000) / msPerTurn(o, ours(o)));
  const disturbed = VARIANTS.flatMap((v) => of(v.key).flatMap((o, run) => (o.cores.other > 0.1 ? [`run ${run + 1}, ${v.label} (${fixed(o.cores.other)})`] : [])));
  const retried = VARIANTS.reduce((sum, v) => sum + of(v.key).reduce((n, o) => n + o.retried, 0), 0);
  return {
    id: '7', title: 'Inbound turns with 1, 2 and 3 bot processes on one PostgreSQL, beside one process on SQLite', seconds: (performance.now() - started) / 1000,
    n: `${config.multiProcess.users} users at once × a whole /lapor conversation (${turns} turns) per variant, after ${config.multiProcess.warmUsersPerProcess} warm-up conversation(s) per process; ${VARIANTS.length} variants × ${config.runs} run(s)`,
    metrics,
    notes: [
      'Each bot is src/main.ts in a child process (webhook mode, pool of 10 connections on PostgreSQL); the fake Bot API is one process of its own; the load generator is the bench process. Updates go round robin, one by one, over the processes; each user posts its next update once the previous one is answered (closed loop: turns, not queueing, are measured; latency at saturation is mostly waiting behind the other users).',
      `Every run starts on a fresh copy of the seeded database and is checked: every report SUBMITTED, every turn posted answered 200 and recorded once (InboundEvent), no error logged by any bot, no call refused by the fake Bot API${problems.length === 0 ? ': all passed.' : ' (problems listed below).'}`,
      'The outbox workers run as in production and send the replies in the background during the load; a press uses the token read from the outbox row (as if delivered at once; these reads count as PostgreSQL CPU).',
      'Before the measured loop each user has an open connection to each process, as Telegram keeps its webhook connections open: a busy process accepts new connections late, so all users connecting at once made their first turns wait most of the loop (seen on SQLite with 60 users: first turns p50 4.5 s, later turns 0.2–0.6 s).',
      `CPU during the measured loops (from /proc; of ${cores} cores), medians: ${VARIANTS.map(cpuLine).join('; ')}.`,
      `At the CPU per turn of 2 processes, ${cores} cores can do at most ${fixed(ceiling, 1)} turns/s, ${fixed(ceiling / mid('pg1', (o) => o.rate))}× one PostgreSQL process (the target, 1.6×, is ${fixed(1.6 * mid('pg1', (o) => o.rate), 1)} turns/s).`,
      ...(disturbed.length > 0 ? [`Other processes on the machine used more than 0.1 core (in cores) during ${disturbed.join(', ')}: those figures are disturbed.`] : []),
      `Deliveries posted again after a connection failure (a keep-alive connection closed as it was reused; Telegram also retries, the core dedupes): ${retried}.`,
      ...problems,
    ],
  };
}
