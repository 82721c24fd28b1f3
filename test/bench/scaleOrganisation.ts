// Scenario 4's organisation: the small test organisation through the real importer, then a
// generated one of any size inserted straight into SQLite (the importer would take minutes).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { importSource } from '../../src/admin/importOrganisation';
import { readImportText } from '../../src/admin/readImportFile';
import { weeklyPeriod } from '../../src/core/domain/laporan/reportPeriod';
import { zonedDate, zonedMidnight } from '../../src/core/domain/zonedTime';
import { loadInstansiSchedules, type InstansiSchedule } from '../../src/core/scheduler/instansiSchedules';
import { upcomingPlan } from '../../src/core/scheduler/upcoming';
import { createDb, type Db } from '../../src/db/createDb';
import { smallOrganisation, toImportJson } from '../fixtures/smallOrganisation';
import { inserter, insertReports, sqlDate, type ReportTally } from './scaleReports';

/** 1 ketua + 9 anggota per team, 10 teams per unit (whose head gets the unit digest). */
export const MEMBERS_PER_TEAM = 10;
const TEAMS_PER_UNIT = 10;
const TARGETS_PER_TEAM = 2;
const DAY_MS = 86_400_000;
const CADENCES = [
  { hari: 'JUMAT', jam: '15:00' }, { hari: 'KAMIS', jam: '14:00' }, { hari: 'JUMAT', jam: '10:00' }, { hari: 'RABU', jam: '15:00' }, { hari: 'SELASA', jam: '12:00' },
] as const;

export interface GenPegawai { id: string; name: string }
export interface GenTarget { id: string; indikator: string; target: number; satuan: string }
export interface GenTeam { id: string; ketua: GenPegawai; anggota: GenPegawai[]; targets: GenTarget[]; cadence: (typeof CADENCES)[number] }

/** What the generated rows are expected to produce, counted while generating them. */
export interface ScaleOrganisation {
  /** The database, closed (WAL checkpointed): copy it for each run. */
  file: string;
  /** This week's digest time (a Friday 16:00 no holiday moves) and one minute after it. */
  digestOf: Date;
  now: Date;
  members: number;
  teams: number;
  units: number;
  tally: ReportTally;
  generateMs: number;
}

/** `members` pegawai in teams of 10, about 50 reports each: see the bench README for the shape. */
export async function createScaleOrganisation(members: number): Promise<ScaleOrganisation> {
  const started = performance.now();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-bench-digest-')), 'template.db');
  const base = await importBase(file);
  const sqlite = new Database(file);
  try {
    // Checked once at the end instead (foreign_key_check), which is much faster than row by row.
    sqlite.pragma('foreign_keys = OFF');
    const teamCount = Math.max(1, Math.round(members / MEMBERS_PER_TEAM));
    const { teams, units } = sqlite.transaction(() => insertStructure(sqlite, base, teamCount))();
    const tally = sqlite.transaction(() => insertReports(sqlite, { ...base, teams }))();
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`generated organisation has ${broken.length} rows with broken foreign keys`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { file, digestOf: base.digestOf, now: base.now, members: teamCount * MEMBERS_PER_TEAM, teams: teamCount, units, tally, generateMs: performance.now() - started };
  } finally {
    sqlite.close();
  }
}

export interface Base {
  instansiId: string;
  perangkatDaerahId: string;
  parentUnitId: string;
  timeZone: string;
  /** The scheduled (unmoved) digest time of the week measured. */
  digestOf: Date;
  now: Date;
}

async function importBase(file: string): Promise<Base> {
  const db = await createDb(file);
  try {
    const org = smallOrganisation();
    const today = new Date();
    for (const team of org.timKerja) {
      team.mulai = zonedDate(new Date(today.getTime() - 400 * DAY_MS), 'Asia/Makassar');
      team.selesai = zonedDate(new Date(today.getTime() + 400 * DAY_MS), 'Asia/Makassar');
    }
    const report = await importSource(db, readImportText(toImportJson(org), 'json'), { now: today });
    if (!report.ok) throw new Error(`small organisation rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const [schedule] = [...(await loadInstansiSchedules(db)).values()];
    const digestOf = await digestOnItsDay(db, schedule!, today);
    const unit = await db.unitOrganisasi.findFirstOrThrow({ where: { code: 'DISKOMINFO' } });
    return {
      instansiId: schedule!.id, perangkatDaerahId: unit.perangkatDaerahId, parentUnitId: unit.id, timeZone: schedule!.timeZone,
      digestOf, now: new Date(digestOf.getTime() + 60_000),
    };
  } finally {
    await db.$disconnect();
  }
}

/** The next digest time (as the scheduler plans it) that no holiday moves: its week is then plain. */
async function digestOnItsDay(db: Db, schedule: InstansiSchedule, from: Date): Promise<Date> {
  let after = from;
  for (let week = 0; week < 8; week++) {
    const { digest } = await upcomingPlan(db, schedule, after);
    const of = weeklyPeriod(digest, schedule.timeZone, schedule.settings.ringkasan).dueAt;
    if (of.getTime() === digest.getTime()) return digest;
    after = digest;
  }
  throw new Error('no digest time off holidays in the next eight weeks');
}

const pad = (n: number) => String(n).padStart(6, '0');

function insertStructure(sqlite: Database.Database, base: Base, teamCount: number): { teams: GenTeam[]; units: number } {
  const write = structureWriters(sqlite, base);
  const teams: GenTeam[] = [];
  const unitCount = Math.ceil(teamCount / TEAMS_PER_UNIT);
  for (let u = 1; u <= unitCount; u++) {
    const unit = write.unit(u);
    for (let t = (u - 1) * TEAMS_PER_UNIT + 1; t <= Math.min(teamCount, u * TEAMS_PER_UNIT); t++) teams.push(write.team(t, unit));
  }
  return { teams, units: unitCount };
}

/** Writers of one unit (with its head) and one team (with its people, memberships and targets). */
function structureWriters(sqlite: Database.Database, base: Base) {
  const stamp = sqlDate(new Date(base.digestOf.getTime() - 400 * DAY_MS));
  const day = (offsetDays: number) => sqlDate(zonedMidnight(zonedDate(new Date(base.digestOf.getTime() + offsetDays * DAY_MS), base.timeZone), base.timeZone));
  const [startsOn, endsOn] = [day(-400), day(180)];
  const insertUnit = inserter(sqlite, 'UnitOrganisasi', ['id', 'instansiId', 'perangkatDaerahId', 'code', 'name', 'parentId', 'unitType', 'leaderKind', 'headId', 'createdAt', 'updatedAt']);
  const setHead = sqlite.prepare('UPDATE "UnitOrganisasi" SET "headId" = ? WHERE "id" = ?');
  const insertPegawai = inserter(sqlite, 'Pegawai', ['id', 'instansiId', 'nip', 'name', 'employmentStatus', 'pangkat', 'golongan', 'pendidikan', 'jabatan', 'jenisJabatan', 'email', 'homeUnitId', 'penilaiId', 'locale', 'active', 'createdAt', 'updatedAt']);
  const insertIdentity = inserter(sqlite, 'PlatformIdentity', ['id', 'pegawaiId', 'platform', 'workspace', 'accountId', 'chatId', 'linkedAt']);
  const insertTim = inserter(sqlite, 'TimKerja', ['id', 'instansiId', 'code', 'name', 'jenis', 'lingkup', 'ownerUnitId', 'startsOn', 'endsOn', 'maksudTujuan', 'kompetensi', 'openToVolunteers', 'reportCadence', 'createdAt', 'updatedAt']);
  const insertMembership = inserter(sqlite, 'Membership', ['id', 'timId', 'pegawaiId', 'role', 'startsOn', 'endsOn', 'status', 'createdAt', 'updatedAt']);
  const insertTarget = inserter(sqlite, 'Target', ['id', 'timId', 'subKegiatan', 'sasaran', 'indikator', 'target', 'satuan', 'createdAt']);
  let seq = 0;
  // Everyone is linked to Telegram, so every digest becomes a PENDING row as in production.
  const person = (name: string, jenisJabatan: string, unitId: string, penilaiId: string | null): GenPegawai => {
    const id = `skala-p-${pad(++seq)}`;
    insertPegawai(id, base.instansiId, `29${String(seq).padStart(16, '0')}`, name, 'PNS', 'Penata', 'III/c', 'S1', `Jabatan ${name}`, jenisJabatan,
      `pegawai.${seq}@skala.go.id`, unitId, penilaiId, 'id', 1, stamp, stamp);
    insertIdentity(`skala-i-${pad(seq)}`, id, 'telegram', '', String(8_000_000 + seq), String(8_000_000 + seq), stamp);
    return { id, name };
  };
  return {
    unit(u: number): { id: string; headId: string } {
      const id = `skala-u-${pad(u)}`;
      insertUnit(id, base.instansiId, base.perangkatDaerahId, `SKALA.${pad(u)}`, `Bidang Skala ${pad(u)}`, base.parentUnitId, 'BIDANG', 'ADMINISTRATOR', null, stamp, stamp);
      const head = person(`Kepala Bidang Skala ${pad(u)}`, 'ADMINISTRATOR', id, null);
      setHead.run(head.id, id);
      return { id, headId: head.id };
    },
    team(t: number, unit: { id: string; headId: string }): GenTeam {
      const id = `skala-t-${pad(t)}`;
      const cadence = CADENCES[t % CADENCES.length]!;
      insertTim(id, base.instansiId, `SKALA-${pad(t)}`, `Tim Skala ${pad(t)}`, 'RUTIN', 'DALAM_UO', unit.id, startsOn, endsOn, 'Tim uji skala', 'analisis data', 0,
        JSON.stringify({ irama: 'MINGGUAN', ...cadence }), stamp, stamp);
      const ketua = person(`Ketua Tim Skala ${pad(t)}`, 'FUNGSIONAL', unit.id, unit.headId);
      const anggota = Array.from({ length: MEMBERS_PER_TEAM - 1 }, (_, k) => person(`Anggota Skala ${pad(t)}-${k + 1}`, 'PELAKSANA', unit.id, unit.headId));
      for (const [member, role] of [[ketua, 'KETUA'], ...anggota.map((a) => [a, 'ANGGOTA'])] as Array<[GenPegawai, string]>) {
        insertMembership(`skala-m-${member.id}`, id, member.id, role, startsOn, endsOn, 'ACTIVE', stamp, stamp);
      }
      const targets = Array.from({ length: TARGETS_PER_TEAM }, (_, k): GenTarget => ({ id: `skala-g-${pad(t)}-${k}`, indikator: `Indikator ${k + 1} tim ${pad(t)}`, target: 50 + k * 10, satuan: 'dokumen' }));
      // Distinct createdAt: the digest lists targets in that order.
      targets.forEach((g, k) => insertTarget(g.id, id, 'Sub kegiatan uji', 'Sasaran uji', g.indikator, g.target, g.satuan, sqlDate(new Date(Date.parse(stamp) + k))));
      return { id, ketua, anggota, targets, cadence };
    },
  };
}
