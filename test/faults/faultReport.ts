/** One case of `npm run faults`: what it did (count), whether nothing was lost, doubled or let through. */
export interface FaultOutcome {
  id: string;
  title: string;
  /** What was thrown at the bot, e.g. "2,000 messages, 20 kills". */
  count: string;
  ok: boolean;
  /** The figures behind the verdict, one finding per line; a failure says what went wrong. */
  findings: string[];
  seconds: number;
}

export type FaultCase = () => Promise<Omit<FaultOutcome, 'seconds'>>;

export const thousands = (n: number): string => n.toLocaleString('en-US');

export function printOutcomes(outcomes: FaultOutcome[]): void {
  console.log('\n| case | what | outcome | s |\n|---|---|---|---|');
  for (const o of outcomes) console.log(`| ${o.id} ${o.title} | ${o.count} | ${o.ok ? 'ok' : 'FAILED'} | ${o.seconds.toFixed(0)} |`);
  for (const o of outcomes) {
    console.log(`\n${o.id} ${o.title}: ${o.ok ? 'ok' : 'FAILED'}`);
    for (const line of o.findings) console.log(`  - ${line}`);
  }
}
