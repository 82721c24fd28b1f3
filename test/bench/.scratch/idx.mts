import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createScaleOrganisation } from '../scaleOrganisation';
import { createDb } from '../../../src/db/createDb';
import { loadInstansiSchedules } from '../../../src/core/scheduler/instansiSchedules';
import { sendWeeklyDigests } from '../../../src/core/scheduler/weeklyDigests';
const n = Number(process.argv[2] ?? 1000);
const org = await createScaleOrganisation(n);
console.log('gen', (org.generateMs / 1000).toFixed(1), 's', org.tally.reports, 'reports');
async function run(label: string, prep: (s: Database.Database) => void) {
  const copy = org.file.replace('template', label);
  copyFileSync(org.file, copy);
  const s = new Database(copy); prep(s); s.close();
  const db = await createDb(copy);
  const t0 = performance.now();
  const sent = await sendWeeklyDigests(db, org.now, await loadInstansiSchedules(db));
  console.log(label, 'sent', sent, 'in', ((performance.now() - t0) / 1000).toFixed(2), 's rss', (process.memoryUsage().rss / 2 ** 20).toFixed(0));
  await db.$disconnect();
}
const plan = new Database(org.file, { readonly: true });
console.log(plan.prepare("EXPLAIN QUERY PLAN SELECT * FROM Laporan WHERE timId = ? AND kind = 'KEMAJUAN_ANGGOTA' AND periodStart >= ? AND periodStart <= ?").all('x', 'a', 'b'));
plan.close();
if (process.argv[3] !== 'noplain') await run('plain', () => {});
await run('indexed', (s) => { s.exec('CREATE INDEX "Laporan_timId_kind_periodStart_idx" ON "Laporan"("timId", "kind", "periodStart")'); });
await run('indexed2', (s) => { s.exec('CREATE INDEX "Laporan_timId_kind_periodStart_idx" ON "Laporan"("timId", "kind", "periodStart"); CREATE INDEX f1 ON "Feedback"("laporanId"); CREATE INDEX f2 ON "Feedback"("authorId", "createdAt"); CREATE INDEX k1 ON "Kendala"("timId", "status")'); });
