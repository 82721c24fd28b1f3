// `npm run bench`: issue 10's performance scenarios on the real libraries, 127.0.0.1 only.
// BENCH_QUICK=1: tiny N and one run (CI keeps the code from rotting; no timing asserts).
// BENCH_ONLY=4 (or 2,4,…): only those scenarios, figures to results.only.json.
import path from 'node:path';
import { config, loadAverage, machine, QUICK } from './benchConfig';
import { benchDigestsAtScale } from './digestsAtScale.bench-scenario';
import { benchInboundTurns } from './inboundTurns.bench-scenario';
import { benchMultiProcessTurns } from './multiProcessTurns.bench-scenario';
import { benchReminderFanOut } from './reminderFanOut.bench-scenario';
import { printTable, writeJson, type ScenarioReport } from './report';
import { benchSchedulerPunctuality } from './schedulerPunctuality.bench-scenario';
import { benchSlackAck } from './slackAck.bench-scenario';
import { benchStartup } from './startup.bench-scenario';

const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((id) => id.trim()).filter(Boolean));
const selected = (id: string) => ONLY.size === 0 || ONLY.has(id);
// A quick or partial run never overwrites the figures of the last full run.
const RESULTS_FILE = path.join(import.meta.dirname, QUICK ? 'results.quick.json' : ONLY.size > 0 ? 'results.only.json' : 'results.json');
const BUDGET_S = 570;
// Scenario 4's share of the 10 minutes in a full run (BENCH_ONLY: whatever is left).
const DIGESTS_S = 80;
// Rough cost of what runs after scenario 4 (start-up), and after the fan-out (Slack, 4, start-up).
const AFTER_DIGESTS_S = 30;
const AFTER_FAN_OUT_S = 130 + DIGESTS_S;
const started = performance.now();
const elapsedS = () => (performance.now() - started) / 1000;
// Scenario 7 (issue 11, about 2.5 minutes) runs on top of BUDGET_S: the other scenarios keep their sizes.
let outsideBudgetS = 0;
const budgetElapsedS = () => elapsedS() - outsideBudgetS;
let crashed = 0;

/** Runs one scenario; a crash is reported (and fails the command) without stopping the others. */
async function scenario(id: string, title: string, run: () => Promise<ScenarioReport>): Promise<ScenarioReport> {
  console.log(`[${elapsedS().toFixed(0).padStart(3)} s] scenario ${id}: ${title} …`);
  try {
    const report = await run();
    console.log(`[${elapsedS().toFixed(0).padStart(3)} s] scenario ${id} done in ${report.seconds.toFixed(0)} s`);
    return report;
  } catch (error) {
    crashed++;
    console.error(`scenario ${id} failed:`, error);
    return { id, title, n: '-', metrics: [], notes: [`FAILED: ${(error as Error).message.split('\n')[0]}`], seconds: 0 };
  }
}

/**
 * 2,000 members × 3 runs takes about 5 minutes at 30/s; when that does not fit the budget: 600 × 3
 * for the median, plus one run of 2,000 when that still fits.
 */
function fanOutSize(): { members: number; extra: number | null; reason: string } {
  const forced = Number(process.env.BENCH_FANOUT_MEMBERS);
  if (forced > 0) return { members: forced, extra: null, reason: ' (BENCH_FANOUT_MEMBERS)' };
  const wanted = config.fanOut.members;
  const oneRun = (n: number) => n / 30 * 1.1 + n * 0.01 + 8;
  const fits = (seconds: number) => budgetElapsedS() + seconds + AFTER_FAN_OUT_S <= BUDGET_S;
  // Quick: the second fan-out too (same size, also queued directly), so CI runs those paths.
  if (QUICK) return { members: wanted, extra: wanted, reason: '' };
  if (fits(config.runs * oneRun(wanted))) return { members: wanted, extra: null, reason: '' };
  const reason = `; 600 instead of 2,000: ${config.runs} runs of 2,000 (about ${(config.runs * oneRun(wanted)).toFixed(0)} s) do not fit in 10 minutes after ${budgetElapsedS().toFixed(0)} s of other scenarios`;
  return { members: 600, extra: fits(config.runs * oneRun(600) + oneRun(wanted)) ? wanted : null, reason };
}

function digestsBudget(): number {
  const left = BUDGET_S - budgetElapsedS() - (selected('6') ? AFTER_DIGESTS_S : 0);
  return Math.max(0, ONLY.size > 0 ? left : Math.min(DIGESTS_S, left));
}

const info = machine();
console.log(`timkerja bench${QUICK ? ' (BENCH_QUICK=1)' : ''}${ONLY.size > 0 ? ` (BENCH_ONLY=${[...ONLY].join(',')})` : ''}: ${info.cpuModel} × ${info.cpus}, Node ${info.node}; ${config.runs} run(s) per scenario; results → ${path.relative(process.cwd(), RESULTS_FILE)}`);
const reports: ScenarioReport[] = [];
if (selected('1')) reports.push(await scenario('1', 'inbound turns', benchInboundTurns));
// Scenario 7 keeps both cores busy: before scenario 5 starts, never beside it.
if (selected('7')) {
  const before = elapsedS();
  reports.push(await scenario('7', 'inbound turns with 1, 2 and 3 bot processes on PostgreSQL, and 1 on SQLite', benchMultiProcessTurns));
  outsideBudgetS = elapsedS() - before;
}
// Scenario 5 waits for minute boundaries in processes of its own; it runs beside 2 and 3.
const punctuality = selected('5') ? scenario('5', 'scheduler punctuality (runs alongside 2 and 3)', benchSchedulerPunctuality) : null;
if (selected('2')) {
  const { members, extra, reason } = fanOutSize();
  reports.push(await scenario('2', `reminder fan-out to ${members} members${extra ? ` (and once to ${extra})` : ''}`, () => benchReminderFanOut(members, reason, extra)));
}
if (selected('3')) reports.push(await scenario('3', 'Slack acknowledgement', benchSlackAck));
if (punctuality) reports.push(await punctuality);
// After scenario 5 has finished: the digests keep both cores busy and would skew its timings.
if (selected('4')) {
  const budget = digestsBudget();
  reports.push(await scenario('4', `digests at scale (budget ${budget.toFixed(0)} s)`, () => benchDigestsAtScale(budget)));
}
if (selected('6')) reports.push(await scenario('6', 'start and footprint', benchStartup));
reports.sort((a, b) => a.id.localeCompare(b.id));
info.loadAverage += `, ${loadAverage()} at end`;
printTable(info, reports, QUICK);
writeJson(RESULTS_FILE, info, reports, QUICK, elapsedS());
console.log(`\nTotal ${elapsedS().toFixed(0)} s. Figures also in ${path.relative(process.cwd(), RESULTS_FILE)}.`);
// Handles the libraries leave open (keep-alive agents, bolt) must not keep the command alive.
process.exit(crashed > 0 ? 1 : 0);
