// Scenario 4's reports: about 50 weekly reports per member (KEMAJUAN_ANGGOTA from each anggota,
// the team report from each ketua), the ketua's acknowledgements, open kendala and leave.
import type Database from 'better-sqlite3';
import { seededRandom } from '../helpers/seededRandom';
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
const KENDALA = 'Data dari perangkat daerah terlambat masuk';

/** SQLite's DateTime text as Prisma's driver adapter writes it: 2026-11-27T08:00:00.000+00:00. */
export const sqlDate = (at: Date): string => at.toISOString().replace('Z', '+00:00');

export type Insert = (...values: unknown[]) => void;

export function inserter(sqlite: Database.Database, table: string, columns: string[]): Insert {
  const statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (...values) => { statement.run(...values); };
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

/** What the generator carries from row to row. */
interface Gen { org: Base; write: Writers; random: () => number; tally: ReportTally; nextId: (prefix: string) => string }

export function insertReports(sqlite: Database.Database, org: Base & { teams: GenTeam[] }): ReportTally {
  let seq = 0;
  const gen: Gen = {
    org, random: seededRandom(20261127), nextId: (prefix) => `${prefix}-${String(++seq).padStart(8, '0')}`,
    tally: { reports: 0, feedback: 0, onTime: 0, late: 0, onLeave: 0, overdue: 0, openKendala: 0 },
    write: {
      laporan: inserter(sqlite, 'Laporan', ['id', 'instansiId', 'kind', 'authorId', 'timId', 'periodStart', 'periodEnd', 'dueAt', 'status', 'content', 'late', 'submittedAt', 'messageIds', 'createdAt', 'updatedAt']),
      feedback: inserter(sqlite, 'Feedback', ['id', 'laporanId', 'authorId', 'kind', 'createdAt']),
      kendala: inserter(sqlite, 'Kendala', ['id', 'instansiId', 'number', 'timId', 'raisedById', 'permasalahan', 'kendala', 'alternatives', 'collaboration', 'status', 'decision', 'decidedById', 'decidedAt', 'createdAt']),
      cuti: inserter(sqlite, 'Cuti', ['id', 'instansiId', 'pegawaiId', 'kind', 'startsOn', 'endsOn', 'recordedById', 'createdAt']),
    },
  };
  const weeks = weeksOf(org);
  for (const team of org.teams) for (const week of weeks.get(team.cadence.hari + team.cadence.jam)!) teamWeek(gen, team, week);
  gen.tally.openKendala = insertKendala(gen, org.teams);
  return gen.tally;
}

/** One team's week: each anggota's report (or leave, or nothing), then the ketua's team report. */
function teamWeek(gen: Gen, team: GenTeam, week: Week): void {
  const lines: TeamContent['anggota'] = [];
  const kendala: TeamContent['kendala'] = [];
  for (const member of team.anggota) {
    const state = week.index === 0 ? stateThisWeek(gen.random()) : gen.random() < LATE ? 'LATE' : 'ON_TIME';
    if (week.index === 0) countThisWeek(gen.tally, state);
    const withKendala = memberWeek(gen, team, member, week, state);
    lines.push({ nama: member.name, status: state === 'LATE' ? 'TERLAMBAT' : state === 'ON_TIME' ? 'TEPAT_WAKTU' : 'BELUM' });
    if (withKendala) kendala.push({ nama: member.name, kendala: KENDALA });
  }
  // Half the ketua have sent this week's team report by the digest time; every earlier one is in.
  if (week.index > 0 || gen.random() < 0.5) {
    writeTeamReport(gen.write.laporan, gen.org.instansiId, team, week, lines, kendala, gen.nextId('skala-l'));
    gen.tally.reports++;
  }
}

/** One anggota's week in the given state; returns whether the sent report raises a kendala. */
function memberWeek(gen: Gen, team: GenTeam, member: GenPegawai, week: Week, state: State): boolean {
  const { period } = week;
  if (state === 'LEAVE') {
    gen.write.cuti(gen.nextId('skala-c'), gen.org.instansiId, member.id, 'TAHUNAN', zonedDate(period.periodStart, gen.org.timeZone),
      zonedDate(new Date(period.periodEnd.getTime() - 1), gen.org.timeZone), member.id, sqlDate(period.periodStart));
  }
  if (state === 'LEAVE' || state === 'NONE') return false;
  const withKendala = state !== 'DRAFT' && gen.random() < WITH_KENDALA;
  const laporanId = gen.nextId('skala-l');
  writeMemberReport(gen.write.laporan, gen.org.instansiId, team, member, period, state, withKendala, laporanId);
  gen.tally.reports++;
  if (state !== 'DRAFT' && gen.random() < ACKNOWLEDGED) {
    gen.write.feedback(gen.nextId('skala-f'), laporanId, team.ketua.id, 'ACK', sqlDate(new Date(submittedAt(period, state).getTime() + 10 * MINUTE_MS)));
    gen.tally.feedback++;
  }
  return withKendala;
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
    kendala: withKendala ? KENDALA : null, rencana: 'Melanjutkan verifikasi data',
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
function insertKendala(gen: Gen, teams: GenTeam[]): number {
  let number = 0;
  let open = 0;
  for (const team of teams) {
    const u = gen.random();
    if (u >= 0.2) continue;
    const raisedAt = new Date(gen.org.now.getTime() - (2 + Math.floor(gen.random() * 28)) * DAY_MS);
    const decided = u >= 0.1;
    gen.write.kendala(gen.nextId('skala-k'), gen.org.instansiId, ++number, team.id, team.ketua.id, 'Target tidak tercapai', 'Akses data antarperangkat daerah belum tersedia',
      JSON.stringify(['Meminta akses melalui Sekretariat Daerah']), 0, decided ? 'DECIDED' : 'RAISED', decided ? 'Alternatif 1' : null, null,
      decided ? sqlDate(new Date(raisedAt.getTime() + DAY_MS)) : null, sqlDate(raisedAt));
    if (!decided) open++;
  }
  return open;
}
