// Scenario 4's reports: about 50 weekly reports per member (KEMAJUAN_ANGGOTA from each anggota,
// the team report from each ketua), the ketua's acknowledgements, open kendala and leave.
import type Database from 'better-sqlite3';
import { formatPeriod } from '../../src/core/domain/formatTime';
import { weeklyPeriod, type ReportPeriod } from '../../src/core/domain/laporan/reportPeriod';
import type { ProgressContent } from '../../src/core/domain/laporan/progressReport';
import type { TeamContent } from '../../src/core/domain/laporan/teamReport';
import { zonedDate } from '../../src/core/domain/zonedTime';
import type { Base, GenPegawai, GenTeam } from './scaleOrganisation';

const WEEKS = 50;
const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LATE = 0.08;
const WITH_KENDALA = 0.1;
const ACKNOWLEDGED = 0.3;

/** SQLite's DateTime text as Prisma's driver adapter writes it: 2026-11-27T08:00:00.000+00:00. */
export const sqlDate = (at: Date): string => at.toISOString().replace('Z', '+00:00');

export type Insert = (...values: unknown[]) => void;

export function inserter(sqlite: Database.Database, table: string, columns: string[]): Insert {
  const statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (...values) => { statement.run(...values); };
}

/** mulberry32: the same organisation on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Expected digest content for the generated teams, counted while generating (this week only). */
export interface ReportTally {
  reports: number;
  feedback: number;
  /** Anggota lines the team digests must show: sent on time, sent late, on leave, past due. */
  onTime: number;
  late: number;
  onLeave: number;
  overdue: number;
  openKendala: number;
}

type State = 'ON_TIME' | 'LATE' | 'DRAFT' | 'LEAVE' | 'NONE';

/** This week: 72% on time, 8% late, 5% still a draft, 3% on leave, the rest nothing yet. */
function stateThisWeek(u: number): State {
  return u < 0.72 ? 'ON_TIME' : u < 0.8 ? 'LATE' : u < 0.85 ? 'DRAFT' : u < 0.88 ? 'LEAVE' : 'NONE';
}

interface Writers { laporan: Insert; feedback: Insert; kendala: Insert; cuti: Insert }

interface Week { index: number; period: ReportPeriod; periode: string }

export function insertReports(sqlite: Database.Database, org: Base & { teams: GenTeam[] }): ReportTally {
  const writers: Writers = {
    laporan: inserter(sqlite, 'Laporan', ['id', 'instansiId', 'kind', 'authorId', 'timId', 'periodStart', 'periodEnd', 'dueAt', 'status', 'content', 'late', 'submittedAt', 'messageIds', 'createdAt', 'updatedAt']),
    feedback: inserter(sqlite, 'Feedback', ['id', 'laporanId', 'authorId', 'kind', 'createdAt']),
    kendala: inserter(sqlite, 'Kendala', ['id', 'instansiId', 'number', 'timId', 'raisedById', 'permasalahan', 'kendala', 'alternatives', 'collaboration', 'status', 'decision', 'decidedById', 'decidedAt', 'createdAt']),
    cuti: inserter(sqlite, 'Cuti', ['id', 'instansiId', 'pegawaiId', 'kind', 'startsOn', 'endsOn', 'recordedById', 'createdAt']),
  };
  const random = seededRandom(20261127);
  const tally: ReportTally = { reports: 0, feedback: 0, onTime: 0, late: 0, onLeave: 0, overdue: 0, openKendala: 0 };
  const weeks = weeksOf(org);
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}-${String(++seq).padStart(8, '0')}`;
  for (const team of org.teams) {
    for (const week of weeks.get(team.cadence.hari + team.cadence.jam)!) {
      const lines: TeamContent['anggota'] = [];
      const kendala: TeamContent['kendala'] = [];
      for (const member of team.anggota) {
        const state = week.index === 0 ? stateThisWeek(random()) : random() < LATE ? 'LATE' : 'ON_TIME';
        if (week.index === 0) countThisWeek(tally, state);
        if (state === 'LEAVE') writers.cuti(nextId('skala-c'), org.instansiId, member.id, 'TAHUNAN', zonedDate(week.period.periodStart, org.timeZone), zonedDate(new Date(week.period.periodEnd.getTime() - 1), org.timeZone), member.id, sqlDate(week.period.periodStart));
        if (state === 'LEAVE' || state === 'NONE') { lines.push({ nama: member.name, status: 'BELUM' }); continue; }
        const withKendala = state !== 'DRAFT' && random() < WITH_KENDALA;
        const laporanId = nextId('skala-l');
        writeMemberReport(writers.laporan, org.instansiId, team, member, week.period, state, withKendala, laporanId);
        tally.reports++;
        if (state === 'DRAFT') { lines.push({ nama: member.name, status: 'BELUM' }); continue; }
        lines.push({ nama: member.name, status: state === 'LATE' ? 'TERLAMBAT' : 'TEPAT_WAKTU' });
        if (withKendala) kendala.push({ nama: member.name, kendala: 'Data dari perangkat daerah terlambat masuk' });
        if (random() < ACKNOWLEDGED) {
          writers.feedback(nextId('skala-f'), laporanId, team.ketua.id, 'ACK', sqlDate(new Date(submittedAt(week.period, state).getTime() + 10 * MINUTE_MS)));
          tally.feedback++;
        }
      }
      // Half the ketua have sent this week's team report by the digest time; every earlier one is in.
      if (week.index > 0 || random() < 0.5) {
        writeTeamReport(writers.laporan, org.instansiId, team, week, lines, kendala, nextId('skala-l'));
        tally.reports++;
      }
    }
  }
  tally.openKendala = insertKendala(writers.kendala, org, random, () => nextId('skala-k'));
  return tally;
}

function countThisWeek(tally: ReportTally, state: State): void {
  if (state === 'ON_TIME') tally.onTime++;
  else if (state === 'LATE') tally.late++;
  else if (state === 'LEAVE') tally.onLeave++;
  else tally.overdue++;
}

/** The last WEEKS periods of each cadence, index 0 being the week of the digest. */
function weeksOf(org: Base & { teams: GenTeam[] }): Map<string, Week[]> {
  const weeks = new Map<string, Week[]>();
  for (const { cadence } of org.teams) {
    const key = cadence.hari + cadence.jam;
    if (weeks.has(key)) continue;
    weeks.set(key, Array.from({ length: WEEKS }, (_, index) => {
      const period = weeklyPeriod(new Date(org.digestOf.getTime() - index * WEEK_MS), org.timeZone, cadence);
      return { index, period, periode: formatPeriod(period.periodStart, period.periodEnd, org.timeZone) };
    }));
  }
  return weeks;
}

/** On time: two hours before the due time; late: half an hour after it (still before the digest). */
function submittedAt(period: ReportPeriod, state: State): Date {
  return new Date(period.dueAt.getTime() + (state === 'LATE' ? 30 : -120) * MINUTE_MS);
}

function writeMemberReport(laporan: Insert, instansiId: string, team: GenTeam, member: GenPegawai, period: ReportPeriod, state: State, withKendala: boolean, id: string): void {
  const capaian = team.targets.map((t, k) => ({ targetId: t.id, indikator: t.indikator, nilai: 1 + k, satuan: t.satuan, target: t.target }));
  const content: ProgressContent = state === 'DRAFT' ? { capaian } : {
    capaian, kegiatan: 'Mengolah dan memverifikasi data sektoral', output: 'Tabel rekapitulasi mingguan', buktiSelesai: true,
    kendala: withKendala ? 'Data dari perangkat daerah terlambat masuk' : null, rencana: 'Melanjutkan verifikasi data',
  };
  const started = sqlDate(new Date(period.periodStart.getTime() + DAY_MS));
  const sent = state === 'DRAFT' ? null : sqlDate(submittedAt(period, state));
  laporan(id, instansiId, 'KEMAJUAN_ANGGOTA', member.id, team.id, sqlDate(period.periodStart), sqlDate(period.periodEnd), sqlDate(period.dueAt),
    state === 'DRAFT' ? 'DRAFT' : 'SUBMITTED', JSON.stringify(content), state === 'LATE' ? 1 : 0, sent, sent ? JSON.stringify([`${id}-pesan`]) : null, started, sent ?? started);
}

function writeTeamReport(laporan: Insert, instansiId: string, team: GenTeam, week: Week, anggota: TeamContent['anggota'], kendala: TeamContent['kendala'], id: string): void {
  const sent = anggota.filter((a) => a.status !== 'BELUM').length;
  const content: TeamContent = {
    periode: week.periode, anggota, kendala, catatan: null, penyesuaian: { capaian: {}, kendala: null },
    capaian: team.targets.map((t) => ({ indikator: t.indikator, nilai: sent * 2, target: t.target, satuan: t.satuan })),
  };
  const at = sqlDate(new Date(week.period.dueAt.getTime() + 20 * MINUTE_MS));
  laporan(id, instansiId, 'TIM', team.ketua.id, team.id, sqlDate(week.period.periodStart), sqlDate(week.period.periodEnd), sqlDate(week.period.dueAt),
    'SUBMITTED', JSON.stringify(content), 0, at, JSON.stringify([`${id}-pesan`]), at, at);
}

/** 10% of teams have a kendala still open (2 to 30 days old), another 10% one already decided. */
function insertKendala(kendala: Insert, org: Base & { teams: GenTeam[] }, random: () => number, nextId: () => string): number {
  let number = 0;
  let open = 0;
  for (const team of org.teams) {
    const u = random();
    if (u >= 0.2) continue;
    const raisedAt = new Date(org.now.getTime() - (2 + Math.floor(random() * 28)) * DAY_MS);
    const decided = u >= 0.1;
    kendala(nextId(), org.instansiId, ++number, team.id, team.ketua.id, 'Target tidak tercapai', 'Akses data antarperangkat daerah belum tersedia',
      JSON.stringify(['Meminta akses melalui Sekretariat Daerah']), 0, decided ? 'DECIDED' : 'RAISED', decided ? 'Alternatif 1' : null, null,
      decided ? sqlDate(new Date(raisedAt.getTime() + DAY_MS)) : null, sqlDate(raisedAt));
    if (!decided) open++;
  }
  return open;
}
