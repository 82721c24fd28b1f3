import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createScaleOrganisation } from '../scaleOrganisation';
import { createDb } from '../../../src/db/createDb';
import { loadInstansiSchedules } from '../../../src/core/scheduler/instansiSchedules';
import { sendWeeklyDigests } from '../../../src/core/scheduler/weeklyDigests';
const n = Number(process.argv[2] ?? 1000);
const org = await createScaleOrganisation(n);
const copy = org.file.replace('template', 'run');
copyFileSync(org.file, copy);
// time each SQL statement by text
const proto = (Database as any).prototype;
const origPrepare = proto.prepare;
const times = new Map<string, { n: number; ms: number }>();
proto.prepare = function (sql: string) {
  const st = origPrepare.call(this, sql);
  for (const m of ['all', 'get', 'run', 'iterate']) {
    const f = st[m];
    if (typeof f !== 'function') continue;
    st[m] = function (...a: unknown[]) { const t = performance.now(); const r = f.apply(this, a); const key = sql.replace(/\?(, \?)*/g, '?').slice(0, 300); const e = times.get(key) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - t; times.set(key, e); return r; };
  }
  return st;
};
const db = await createDb(copy);
const t0 = performance.now();
const sent = await sendWeeklyDigests(db, org.now, await loadInstansiSchedules(db));
console.log('sent', sent, 'in', ((performance.now() - t0) / 1000).toFixed(2));
const top = [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
for (const [sql, e] of top) console.log(e.n, e.ms.toFixed(0), 'ms', sql);
await db.$disconnect();
