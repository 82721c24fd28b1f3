import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_FILE } from '../../src/admin/loadDemoOrganisation';
import { importSource } from '../../src/admin/importOrganisation';
import { readImportText } from '../../src/admin/readImportFile';
import { createDb, type Db } from '../../src/db/createDb';

export interface BenchMember {
  nip: string;
  pegawaiId: string;
  instansiId: string;
  /** Number of targets of the member's team: one capaian question each. */
  targets: number;
}

const DAY_MS = 86_400_000;
const isoDate = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The demo organisation (as `loadDemoOrganisation` loads it, dates moved to the current year)
 * enlarged with `extra` generated PELAKSANA who are ANGGOTA of the demo teams, round-robin, one
 * team each (or all in the first team, whose reminders are then due at one moment). Team dates are
 * widened to cover `now` ± 120 days so any week near now is reportable.
 */
export function benchOrganisationJson(extra: number, now: Date, singleTeam = false): string {
  const shift = now.getUTCFullYear() - 2026;
  const shifted = readFileSync(DEMO_FILE, 'utf8').replace(/"(20\d\d)-(\d\d-\d\d)"/g, (_w, year: string, rest: string) => `"${Number(year) + shift}-${rest}"`);
  const org = JSON.parse(shifted) as { pegawai: Array<{ nip: string }>; timKerja: Array<Record<string, unknown> & { kodeUnitPemilik: string; anggota: unknown[] }> };
  const taken = new Set(org.pegawai.map((p) => p.nip));
  for (const team of org.timKerja) {
    team.mulai = isoDate(new Date(now.getTime() - 120 * DAY_MS));
    team.selesai = isoDate(new Date(now.getTime() + 120 * DAY_MS));
  }
  for (let i = 0, seq = 0; i < extra; seq++) {
    const nip = `19${String(900000 + seq).padStart(6, '0')}2015011${String(seq % 1000).padStart(3, '0')}`.slice(0, 18);
    if (taken.has(nip)) continue;
    taken.add(nip);
    const team = org.timKerja[singleTeam ? 0 : i % org.timKerja.length]!;
    org.pegawai.push({ nip, nama: `Pegawai Uji Beban ${i + 1}`, status: 'PNS', jabatan: 'Pengolah Data', jenisJabatan: 'PELAKSANA', kodeUnit: team.kodeUnitPemilik } as { nip: string });
    team.anggota.push({ nip, peran: 'ANGGOTA' });
    i++;
  }
  return JSON.stringify(org, null, 1);
}

// Beyond this many, members are inserted directly: faster than the importer (which takes 1,500 and
// more since its IN lists are chunked, src/db/inChunks.ts), and the same rows.
const IMPORT_LIMIT = 800;

/**
 * A migrated SQLite file holding the enlarged demo organisation; returns it and the generated
 * members. Up to 800 come through the real importer; beyond that the rest are inserted directly
 * as copies of an imported member (same team pattern), since the importer cannot take them.
 */
export async function createOrganisationDb(extra: number, options: { now?: Date; singleTeam?: boolean } = {}): Promise<{ file: string; members: BenchMember[] }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-bench-')), 'template.db');
  const db = await createDb(file);
  try {
    await importBenchOrganisation(db, Math.min(extra, IMPORT_LIMIT), options);
    if (extra > IMPORT_LIMIT) await insertMoreMembers(db, extra - IMPORT_LIMIT);
    return { file, members: await benchMembers(db) };
  } finally {
    await db.$disconnect();
  }
}

/** The enlarged demo organisation through the real importer, on any migrated database (SQLite or PostgreSQL): at most 800 extra. */
export async function importBenchOrganisation(db: Db, extra: number, options: { now?: Date; singleTeam?: boolean } = {}): Promise<BenchMember[]> {
  const now = options.now ?? new Date();
  const report = await importSource(db, readImportText(benchOrganisationJson(extra, now, options.singleTeam), 'json'), { now });
  if (!report.ok) throw new Error(`bench organisation rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return benchMembers(db);
}

/** The generated members, in the order they were generated. */
async function benchMembers(db: Db): Promise<BenchMember[]> {
  const pegawai = await db.pegawai.findMany({
    where: { name: { startsWith: 'Pegawai Uji Beban ' } },
    include: { memberships: { include: { tim: { include: { targets: true } } } } },
  });
  return pegawai
    .map((p) => ({ nip: p.nip, pegawaiId: p.id, instansiId: p.instansiId, targets: p.memberships[0]?.tim.targets.length ?? 0, order: Number(p.name.split(' ').at(-1)) }))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...member }) => member);
}

async function insertMoreMembers(db: Db, count: number): Promise<void> {
  const imported = await db.membership.findMany({ where: { role: 'ANGGOTA', pegawai: { name: { startsWith: 'Pegawai Uji Beban ' } } }, include: { pegawai: true } });
  const pegawai = [];
  const memberships = [];
  for (let i = 0; i < count; i++) {
    const model = imported[i % imported.length]!;
    const id = `bench-pegawai-${i}`;
    pegawai.push({ ...model.pegawai, id, nip: `28${String(i).padStart(16, '0')}`, name: `Pegawai Uji Beban ${IMPORT_LIMIT + i + 1}`, createdAt: undefined, updatedAt: undefined });
    memberships.push({ timId: model.timId, pegawaiId: id, role: 'ANGGOTA', startsOn: model.startsOn, endsOn: model.endsOn, status: 'ACTIVE' });
  }
  await db.pegawai.createMany({ data: pegawai });
  await db.membership.createMany({ data: memberships });
}

/** A private copy of a template database (closed, so its WAL is checkpointed), opened. */
export async function openCopy(template: string): Promise<{ db: Db; file: string }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-bench-run-')), 'timkerja.db');
  copyFileSync(template, file);
  if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${file}-wal`);
  return { db: await createDb(file), file };
}

/** Links members to Telegram accounts directly (setup for scenarios that do not measure linking). */
export async function linkTelegramDirectly(db: Db, members: BenchMember[], firstUserId: number): Promise<number[]> {
  const ids = members.map((_, index) => firstUserId + index);
  await db.platformIdentity.createMany({
    data: members.map((m, index) => ({ pegawaiId: m.pegawaiId, platform: 'telegram', workspace: '', accountId: String(ids[index]), chatId: String(ids[index]) })),
  });
  return ids;
}
