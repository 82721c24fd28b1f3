// Scenario 4 must not report a fast time for digests that were not built: every run is checked
// against what the generated organisation holds, independently of the digest code.
import Database from 'better-sqlite3';
import { nested, t } from '../../src/core/catalog/t';
import type { Db } from '../../src/db/createDb';
import { sqlDate } from './scaleReports';
import type { ScaleOrganisation } from './scaleOrganisation';

const DAY_MS = 86_400_000;

/**
 * Who must get a digest, read straight from the tables: the active ketua of every team running
 * in the digest's week, and the head of every unit owning one (no group chats: ringkasanKeGrup is off).
 */
export function expectedRecipients(org: ScaleOrganisation): number {
  const sqlite = new Database(org.file, { readonly: true });
  try {
    const running = `t."startsOn" <= @of AND t."endsOn" >= @dayBefore`;
    const row = sqlite.prepare(`SELECT
      (SELECT count(*) FROM "Membership" m JOIN "TimKerja" t ON t.id = m."timId" WHERE m.role = 'KETUA' AND m.status = 'ACTIVE' AND ${running})
      + (SELECT count(DISTINCT t."ownerUnitId") FROM "TimKerja" t JOIN "UnitOrganisasi" u ON u.id = t."ownerUnitId" WHERE u."headId" IS NOT NULL AND ${running}) AS n`)
      .get({ of: sqlDate(org.digestOf), dayBefore: sqlDate(new Date(org.digestOf.getTime() - DAY_MS)) }) as { n: number };
    return row.n;
  } finally {
    sqlite.close();
  }
}

/** The catalogue's ending of one member line of a team digest, e.g. ": sudah melapor". */
function lineEnding(key: 'TERKIRIM' | 'TERLAMBAT' | 'LEWAT' | 'CUTI'): string {
  const marker = '\u0000';
  return t('id', `ringkasan.baris.${key}`, { nama: marker, jenis: nested('cuti.jenis.TAHUNAN') }).split(marker)[1]!;
}

/** Throws unless the run enqueued one digest per recipient and the generated teams' digests show their reports. */
export async function checkDigests(db: Db, org: ScaleOrganisation, expected: number, returned: number): Promise<void> {
  const problems: string[] = [];
  const expect = (what: string, actual: number, wanted: number) => { if (actual !== wanted) problems.push(`${what}: ${actual}, expected ${wanted}`); };
  expect('sendWeeklyDigests returned', returned, expected);
  expect('outbox rows', await db.outboxMessage.count(), expected);
  expect('PENDING rows to generated pegawai', await db.outboxMessage.count({ where: { pegawaiId: { startsWith: 'skala-p-' }, status: 'PENDING' } }), org.teams + org.units);
  expect('unit digests of generated units', await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'ringkasan-unit:skala-u-' } } }), org.units);
  const teamDigests = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: 'ringkasan-tim:skala-t-' } }, select: { payload: true } });
  expect('team digests of generated teams', teamDigests.length, org.teams);
  const lines = teamDigests.flatMap((row) => (JSON.parse(row.payload) as { text: string }).text.split('\n'));
  const count = (ending: string) => lines.filter((line) => line.startsWith('- Anggota Skala ') && line.endsWith(ending)).length;
  expect('lines "sent on time"', count(lineEnding('TERKIRIM')), org.tally.onTime);
  expect('lines "sent late"', count(lineEnding('TERLAMBAT')), org.tally.late);
  expect('lines "on leave"', count(lineEnding('CUTI')), org.tally.onLeave);
  expect('lines "past due"', count(lineEnding('LEWAT')), org.tally.overdue);
  expect('open kendala lines', lines.filter((line) => /^- Nomor \d+: /.test(line)).length, org.tally.openKendala);
  if (problems.length > 0) throw new Error(`digests at ${org.members} members are wrong or missing: ${problems.join('; ')}`);
}

/** Whether SQLite answers the team digest's report query by reading the whole Laporan table. */
export function reportQueryScansTable(file: string): boolean {
  const sqlite = new Database(file, { readonly: true });
  try {
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT * FROM "Laporan" WHERE "timId" = ? AND "kind" = 'KEMAJUAN_ANGGOTA' AND "periodStart" >= ? AND "periodStart" <= ?`)
      .all('x', 'a', 'b') as Array<{ detail: string }>;
    return plan.some((step) => /^SCAN Laporan\b/.test(step.detail));
  } finally {
    sqlite.close();
  }
}
