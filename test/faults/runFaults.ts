// `npm run faults`: issue 10's fault cases against the real bot as a child process, 127.0.0.1 only.
// FAULTS_QUICK=1: small N (CI). FAULTS_ONLY=1a,3 (…): only those cases. Exits 1 when any case
// loses, doubles or lets something through, or crashes.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUICK } from './faultConfig';
import { printOutcomes, type FaultCase, type FaultOutcome } from './faultReport';
import { faultCases, type FaultLane } from './faultCases';

const ONLY = new Set((process.env.FAULTS_ONLY ?? '').split(',').map((id) => id.trim()).filter(Boolean));
const RESULTS_FILE = path.join(import.meta.dirname, QUICK ? 'results.quick.json' : 'results.json');
const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0).padStart(3);

async function runCase(id: string, title: string, run: FaultCase): Promise<FaultOutcome> {
  console.log(`[${elapsed()} s] ${id} ${title} …`);
  const caseStarted = performance.now();
  try {
    const outcome = await run();
    const seconds = (performance.now() - caseStarted) / 1000;
    console.log(`[${elapsed()} s] ${id} ${outcome.ok ? 'ok' : 'FAILED'} (${outcome.count}) in ${seconds.toFixed(0)} s`);
    return { ...outcome, seconds };
  } catch (error) {
    console.error(`${id} crashed:`, error);
    return { id, title, count: '-', ok: false, findings: [`the case itself crashed: ${(error as Error).message.split('\n')[0]}`], seconds: (performance.now() - caseStarted) / 1000 };
  }
}

const cpus = os.cpus();
console.log(`timkerja faults${QUICK ? ' (FAULTS_QUICK=1)' : ''}: ${cpus[0]?.model.trim()} × ${cpus.length}, Node ${process.version}`);
const runLane = async (lane: FaultLane): Promise<FaultOutcome[]> => {
  const done: FaultOutcome[] = [];
  for (const { id, title, run } of faultCases.filter((c) => c.lane === lane && (ONLY.size === 0 || ONLY.has(c.id)))) done.push(await runCase(id, title, run));
  return done;
};
const order = faultCases.map((c) => c.id);
const alone = await runLane('alone');
const outcomes = [...alone, ...(await Promise.all([runLane('main'), runLane('side')])).flat()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
printOutcomes(outcomes);
writeFileSync(RESULTS_FILE, `${JSON.stringify({ at: new Date().toISOString(), quick: QUICK, machine: `${cpus[0]?.model.trim()} × ${cpus.length}`, node: process.version, outcomes }, null, 2)}\n`);
const failed = outcomes.filter((o) => !o.ok).map((o) => o.id);
console.log(`\n${failed.length === 0 ? 'every case held' : `FAILED: ${failed.join(', ')}`} (${elapsed().trim()} s); figures in ${path.relative(process.cwd(), RESULTS_FILE)}`);
process.exit(failed.length === 0 ? 0 : 1);
