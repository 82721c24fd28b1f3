import { Session } from 'node:inspector/promises';
import Database from 'better-sqlite3';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

// Where the time goes, by what a reader can act on rather than by file.
const GROUPS: Array<[RegExp, string]> = [
  [/query_compiler|^wasm:/, 'Prisma query compiler (wasm)'],
  [/@prisma\/adapter-better-sqlite3|better-sqlite3/, 'SQLite driver (better-sqlite3 + Prisma adapter)'],
  [/@prisma\/client/, 'Prisma client runtime'],
  [/node_modules\/telegraf|node_modules\/@slack|node_modules\/express|node_modules\/raw-body|node_modules\/body-parser/, 'telegraf / bolt'],
  [/node_modules\/zod/, 'zod'],
  [/node_modules\/pino|node_modules\/sonic-boom/, 'pino'],
  [/\/work\/main\/test\//, 'bench harness (load generator, fake API)'],
  [/\/(src|flows|adapters)\//, 'timkerja code (src, flows, adapters)'],
  [/^node:|^internal/, 'Node.js core (http, streams, timers)'],
];

function groupOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === '(garbage collector)' ? 'garbage collector' : functionName === '(idle)' ? 'idle' : 'native / other';
  return GROUPS.find(([pattern]) => pattern.test(url))?.[1] ?? 'other libraries';
}

/** Runs `work` under the V8 sampling profiler and summarises busy time by group (idle left out). */
export async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; summary: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const outcome = await work().then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  if (!outcome.ok) throw outcome.error;
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const group = groupOf(byNode.get(id)!);
    totals.set(group, (totals.get(group) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const idle = totals.get('idle') ?? 0;
  totals.delete('idle');
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  const all = busy + idle;
  const parts = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([group, us]) => `${group} ${((us / busy) * 100).toFixed(0)}%`);
  return { result: outcome.value, summary: `CPU busy ${((busy / all) * 100).toFixed(0)}% of the time; of busy time: ${parts.join(', ')}` };
}

/** Counts the SQL statements better-sqlite3 prepares while `work` runs (the Prisma adapter prepares each one it runs). */
export async function countSqlStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const prototype = Database.prototype as unknown as { prepare: (this: unknown, sql: string) => unknown };
  const original = prototype.prepare;
  let statements = 0;
  prototype.prepare = function prepare(this: unknown, sql: string) {
    statements++;
    return original.call(this, sql);
  };
  try {
    return { result: await work(), statements };
  } finally {
    prototype.prepare = original;
  }
}
