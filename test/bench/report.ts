import { writeFileSync } from 'node:fs';
import type { Machine } from './benchConfig';
import { median, round } from './stats';

/** One figure of a scenario: a value per run and their median, with the target beside it (never asserted). */
export interface Metric {
  name: string;
  unit: string;
  runs: number[];
  median: number;
  target?: string;
  /** Whether the median meets the target; null when there is no target. */
  met: boolean | null;
}

export interface ScenarioReport {
  id: string;
  title: string;
  /** What N is in this scenario, e.g. "200 users × 10 turns". */
  n: string;
  metrics: Metric[];
  notes: string[];
  seconds: number;
}

export function metric(name: string, unit: string, runs: number[], target?: { text: string; ok: (value: number) => boolean }): Metric {
  const mid = median(runs);
  return { name, unit, runs: runs.map((r) => round(r, 2)), median: round(mid, 2), ...(target ? { target: target.text } : {}), met: target ? target.ok(mid) : null };
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

/** The table printed at the end of a run; the JSON file holds the same figures. */
export function printTable(machine: Machine, reports: ScenarioReport[], quick: boolean): void {
  console.log(`\nMachine: ${machine.cpuModel} × ${machine.cpus}, ${machine.totalMemoryMb} MB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage}${quick ? '  (BENCH_QUICK=1: tiny N, one run, figures not comparable)' : ''}`);
  for (const report of reports) {
    console.log(`\n[${report.id}] ${report.title}  (N: ${report.n}; ${report.seconds.toFixed(0)} s)`);
    const rows = report.metrics.map((m) => [
      m.name, `${m.median} ${m.unit}`, m.runs.join(' / '), m.target ?? '', m.met === null ? '' : m.met ? 'met' : 'MISSED',
    ]);
    const header = ['metric', 'median', 'runs', 'target', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    console.log(`  ${header.map((h, i) => pad(h, widths[i]!)).join(' | ')}`);
    for (const row of rows) console.log(`  ${row.map((cell, i) => pad(cell, widths[i]!)).join(' | ')}`);
    for (const note of report.notes) console.log(`  - ${note}`);
  }
}

export function writeJson(file: string, machine: Machine, reports: ScenarioReport[], quick: boolean, totalSeconds: number): void {
  const document = { generatedAt: new Date().toISOString(), quick, totalSeconds: round(totalSeconds, 1), machine, scenarios: reports };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}
