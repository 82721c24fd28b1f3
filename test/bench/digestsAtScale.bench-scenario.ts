// Scenario 4 (issue 10): every weekly digest of a generated organisation, at growing sizes: the
// scheduler's digest job (loadInstansiSchedules + sendWeeklyDigests, which enqueues the outbox
// rows) just after the digest time, on a fresh copy of the database per run.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadInstansiSchedules } from '../../src/core/scheduler/instansiSchedules';
import { sendWeeklyDigests } from '../../src/core/scheduler/weeklyDigests';
import { createDb } from '../../src/db/createDb';
import { config, QUICK } from './benchConfig';
import { countSqlStatements } from './cpuProfile';
import { checkDigests, expectedRecipients, reportQueryScansTable } from './digestCheck';
import { metric, type Metric, type ScenarioReport } from './report';
import { createScaleOrganisation, MEMBERS_PER_TEAM, type ScaleOrganisation } from './scaleOrganisation';
import { watchStalls } from './stallWatch';
import { median } from './stats';

/** The issue's size for the "< 1 s" target and the RSS figure. */
const TARGET_MEMBERS = 10_000;
const fmt = (n: number) => n.toLocaleString('en-US');

interface Run { seconds: number; rssBeforeMb: number; rssAfterMb: number; stallMs: number; statements: number; rows: number }
interface Size { org: ScaleOrganisation; expected: number; runs: Run[]; scansReports: boolean }
interface Plan { members: number; runs: number; note?: string }

/** BENCH_DIGEST_MEMBERS=1000,10000 forces the sizes (config.runs each, no budget). */
function forcedSizes(): number[] | null {
  const sizes = (process.env.BENCH_DIGEST_MEMBERS ?? '').split(',').map(Number).filter((n) => n > 0);
  return sizes.length > 0 ? sizes : null;
}

async function digestRun(org: ScaleOrganisation, expected: number): Promise<Run> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-bench-digest-run-')), 'timkerja.db');
  copyFileSync(org.file, file);
  const db = await createDb(file);
  try {
    const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
    const stalls = watchStalls();
    const started = performance.now();
    const { result: rows, statements } = await countSqlStatements(async () => sendWeeklyDigests(db, org.now, await loadInstansiSchedules(db)));
    const seconds = (performance.now() - started) / 1000;
    const stallMs = await stalls.stop();
    const rssAfterMb = process.memoryUsage().rss / 2 ** 20;
    await checkDigests(db, org, expected, rows);
    return { seconds, rssBeforeMb, rssAfterMb, stallMs, statements, rows };
  } finally {
    await db.$disconnect();
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

async function measureSize(plan: Plan): Promise<Size> {
  const org = await createScaleOrganisation(plan.members);
  try {
    const expected = expectedRecipients(org);
    const runs: Run[] = [];
    for (let run = 0; run < plan.runs; run++) runs.push(await digestRun(org, expected));
    return { org, expected, runs, scansReports: reportQueryScansTable(org.file) };
  } finally {
    rmSync(path.dirname(org.file), { recursive: true, force: true });
  }
}

const seconds = (size: Size) => median(size.runs.map((r) => r.seconds));

/** How time grows with size between the last two sizes (1 = linear); 2 when only one is known. */
function growthExponent(sizes: Size[]): number {
  const [a, b] = sizes.slice(-2);
  if (!a || !b) return 2;
  return Math.log(seconds(b) / seconds(a)) / Math.log(b.org.members / a.org.members);
}

/** Time for one run and for generating the data at `members`, extrapolated from the largest size measured. */
function estimate(sizes: Size[], members: number): { runS: number; generateS: number } {
  const last = sizes.at(-1)!;
  const scale = members / last.org.members;
  return { runS: seconds(last) * scale ** growthExponent(sizes), generateS: (last.org.generateMs / 1000) * scale * 1.2 };
}

/**
 * config.runs at the wanted size if that fits the time left, else one run; else one run of the
 * largest round size that fits (null when that would not be meaningfully larger than the last).
 */
function planSize(sizes: Size[], wanted: number, leftS: number): Plan | null {
  const cost = (members: number, runs: number) => { const e = estimate(sizes, members); return e.generateS + runs * e.runS; };
  if (cost(wanted, config.runs) <= leftS) return { members: wanted, runs: config.runs };
  const about = `one run of ${fmt(wanted)} would take about ${fmt(Math.round(estimate(sizes, wanted).runS))} s (extrapolated as time ∝ members^${growthExponent(sizes).toFixed(2)}), ${leftS.toFixed(0)} s of the scenario's budget were left`;
  if (cost(wanted, 1) <= leftS) return { members: wanted, runs: 1, note: `${fmt(wanted)} members: one run instead of ${config.runs}: ${about}` };
  const step = 5 * 10 ** Math.max(1, Math.floor(Math.log10(wanted)) - 2);
  let members = Math.floor(wanted / step) * step;
  while (members > 0 && cost(members, 1) > leftS) members -= step;
  const last = sizes.at(-1)!.org.members;
  if (members < last * 1.5) return null;
  return { members, runs: 1, note: `${fmt(members)} instead of ${fmt(wanted)} members (one run): ${about}` };
}

/** Measures each configured size while it fits in `budgetS` seconds (the first size always). */
export async function benchDigestsAtScale(budgetS: number): Promise<ScenarioReport> {
  const started = performance.now();
  const forced = forcedSizes();
  const leftS = () => budgetS - (performance.now() - started) / 1000;
  const sizes: Size[] = [];
  const notes: string[] = [];
  for (const wanted of forced ?? config.digests.members) {
    const plan = forced || sizes.length === 0 ? { members: wanted, runs: config.runs } : planSize(sizes, wanted, leftS());
    if (!plan) {
      notes.push(`${fmt(wanted)} members not measured: not even one run of a size 1.5 times the last fits (${fmt(Math.round(estimate(sizes, wanted).runS))} s per run at ${fmt(wanted)}, extrapolated; ${leftS().toFixed(0)} s left).`);
      break;
    }
    if (plan.note) notes.push(`${plan.note}.`);
    console.log(`  digests: ${fmt(plan.members)} members × ${plan.runs} run(s) …`);
    sizes.push(await measureSize(plan));
    if (plan.members !== wanted) break;
  }
  return {
    id: '4', title: 'Digests at scale: the weekly digest job (every team and unit digest, enqueued) on a generated organisation',
    seconds: (performance.now() - started) / 1000,
    n: `${sizes.map((s) => `${fmt(s.org.members)} members × ${s.runs.length} run(s)`).join(', ')}${forced ? ' (BENCH_DIGEST_MEMBERS)' : ''}; teams of ${MEMBERS_PER_TEAM}, about 50 reports per member`,
    metrics: digestMetrics(sizes),
    notes: [...notes, ...digestNotes(sizes)],
  };
}

function digestMetrics(sizes: Size[]): Metric[] {
  const reference = sizes.find((s) => s.org.members === TARGET_MEMBERS) ?? sizes.at(-1)!;
  const largest = sizes.at(-1)!;
  return [
    ...sizes.map((s) => metric(
      `${fmt(s.org.members)} members (${fmt(s.org.teams)} teams, ${fmt(s.org.tally.reports)} reports): every digest`, 's', s.runs.map((r) => r.seconds),
      s.org.members === TARGET_MEMBERS ? { text: '< 1 s', ok: (v) => v < 1 } : undefined,
    )),
    ...sizes.slice(1).map((b, i) => {
      const a = sizes[i]!;
      const ratio = b.org.members / a.org.members;
      return metric(`growth ${fmt(a.org.members)} → ${fmt(b.org.members)} members (×${ratio.toFixed(1)})`, '× time', [seconds(b) / seconds(a)], { text: `≈ ×${ratio.toFixed(1)} (linear)`, ok: (v) => v <= ratio * 1.5 });
    }),
    ...sizes.map((s) => metric(`${fmt(s.org.members)} members: rows enqueued (= recipients)`, 'messages', s.runs.map((r) => r.rows), { text: `${s.expected}`, ok: (v) => v === s.expected })),
    metric(`RSS of the bench process after the ${fmt(reference.org.members)}-member digest`, 'MB', reference.runs.map((r) => r.rssAfterMb)),
    metric(`${fmt(largest.org.members)} members: SQL statements per digest`, 'statements', largest.runs.map((r) => r.statements / r.rows)),
    metric(`${fmt(largest.org.members)} members: longest event-loop stall during the job`, 'ms', largest.runs.map((r) => r.stallMs)),
    ...sizes.map((s) => metric(`${fmt(s.org.members)} members: data generation (import + bulk insert)`, 's', [s.org.generateMs / 1000])),
  ];
}

function digestNotes(sizes: Size[]): string[] {
  const reference = sizes.find((s) => s.org.members === TARGET_MEMBERS);
  const largest = sizes.at(-1)!;
  const notes = [
    `Each run: a fresh copy of the generated database, then loadInstansiSchedules + sendWeeklyDigests at ${largest.org.now.toISOString()} (a minute after the digest time, Friday 16:00 WITA), timed together. Checked after every run: one outbox row per active ketua and per unit head (counted from the tables), and every generated team's digest shows exactly the generated reports of the week (sent, late, on leave, past due, open kendala).`,
    `Organisation: the small test organisation through the real importer, then units of ${MEMBERS_PER_TEAM} teams (head linked), teams of 1 ketua + ${MEMBERS_PER_TEAM - 1} anggota (all linked to Telegram), 2 targets each; 50 weeks of reports: every anggota's KEMAJUAN_ANGGOTA (8% late, 10% with a kendala) and every ketua's team report; this week 72% sent on time, 8% late, 5% drafts, 3% on leave, 12% nothing, half the team reports; the ketua acknowledged 30% of reports; 10% of teams have an open kendala.`,
  ];
  if (sizes.length >= 2) notes.push(`Growth exponent ${growthExponent(sizes).toFixed(2)} between the last two sizes (1 = linear, 2 = quadratic).`);
  if (!reference && !QUICK) {
    const at = (n: number) => `${fmt(n)} members about ${fmt(Math.round(estimate(sizes, n).runS))} s`;
    notes.push(`Not measured at ${fmt(TARGET_MEMBERS)} members in this run; by the growth measured, one run would take: ${at(TARGET_MEMBERS)}, ${at(100_000)} (extrapolated). BENCH_DIGEST_MEMBERS=1000,10000 measures them (no budget).`);
  }
  const rss = (reference ?? largest).runs;
  notes.push(`RSS is the whole bench process (earlier scenarios included): ${rss.map((r) => r.rssBeforeMb.toFixed(0)).join('/')} MB before the job, ${rss.map((r) => r.rssAfterMb.toFixed(0)).join('/')} MB after.`);
  if (largest.scansReports) {
    notes.push('SQLite plans the team digest\'s report query (Laporan by timId, kind, periodStart; the unit digest\'s is alike) as a SCAN of the whole Laporan table: its only index starts with authorId. Each team reads every report, so the job grows with teams × reports.');
  }
  return notes;
}
