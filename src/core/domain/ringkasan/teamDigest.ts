import type { Db } from '../../../db/createDb';
import { joinParams, nested, type Param } from '../../catalog/t';
import { onLeave } from '../cuti/leave';
import { formatDateTime, formatPeriod } from '../formatTime';
import { ProgressContentSchema } from '../laporan/progressReport';
import type { ReportPeriod } from '../laporan/reportPeriod';
import { zonedDate } from '../zonedTime';
import { text, type CoreMessage } from '../../messages';

const WEEKS = 4;
const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

type MemberState = 'TERKIRIM' | 'TERLAMBAT' | 'BELUM' | 'LEWAT' | 'CUTI';

/**
 * Issue 8 item 5: the ketua's weekly digest of one team, line by line: each member's report of the
 * period (sent, late, pending, past due, on leave), capaian against targets, open kendala with
 * their age, feedback the ketua gave, and reporting over the last four weeks.
 */
export async function teamDigest(db: Db, timId: string, period: ReportPeriod, now: Date, timeZone: string, lateNote: boolean): Promise<CoreMessage> {
  const tim = await db.timKerja.findUniqueOrThrow({
    where: { id: timId },
    include: { targets: { orderBy: { createdAt: 'asc' } }, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: true }, orderBy: { pegawai: { name: 'asc' } } } },
  });
  const common = { tim: tim.name, periode: formatPeriod(period.periodStart, period.periodEnd, timeZone), terlambat: lateNote ? nested('ringkasan.terlambatDikirim') : '' };
  const members = tim.memberships.filter((m) => m.role === 'ANGGOTA');
  if (members.length === 0) return text('ringkasan.kosong', common);
  const ketuaIds = tim.memberships.filter((m) => m.role === 'KETUA').map((m) => m.pegawaiId);
  const reports = await db.laporan.findMany({
    where: { timId, kind: 'KEMAJUAN_ANGGOTA', periodStart: { gte: new Date(period.periodStart.getTime() - (WEEKS - 1) * WEEK_MS), lte: period.periodStart } },
  });
  const current = reports.filter((r) => r.periodStart?.getTime() === period.periodStart.getTime() && r.status !== 'DRAFT');
  const leave = await onLeave(db, members.map((m) => m.pegawaiId), zonedDate(period.dueAt, timeZone));
  const lines: Param[] = members.map((m) => {
    const report = current.find((r) => r.authorId === m.pegawaiId);
    const kind = leave.get(m.pegawaiId);
    const state: MemberState = report ? (report.late ? 'TERLAMBAT' : 'TERKIRIM') : kind ? 'CUTI' : now > period.dueAt ? 'LEWAT' : 'BELUM';
    return nested(`ringkasan.baris.${state}`, { nama: m.pegawai.name, ...(kind ? { jenis: nested(`cuti.jenis.${kind}`) } : {}) });
  });
  const contents = current.map((r) => ProgressContentSchema.parse(JSON.parse(r.content)));
  const capaian: Param[] = tim.targets.map((target) => nested('ringkasan.capaian', {
    indikator: target.indikator, target: target.target, satuan: target.satuan,
    nilai: contents.flatMap((c) => c.capaian).filter((c) => c.targetId === target.id).reduce((sum, c) => sum + c.nilai, 0),
  }));
  const kendala = await db.kendala.findMany({ where: { timId, status: 'RAISED' }, orderBy: { createdAt: 'asc' } });
  const feedback = await db.feedback.count({
    where: { authorId: { in: ketuaIds }, laporan: { timId }, createdAt: { gte: period.periodStart, lt: period.periodEnd } },
  });
  const participation: Param[] = members.map((m) => nested('ringkasan.keaktifan', {
    nama: m.pegawai.name, minggu: WEEKS, jumlah: reports.filter((r) => r.authorId === m.pegawaiId && r.status !== 'DRAFT').length,
  }));
  return text('ringkasan.ketua', {
    ...common, batas: formatDateTime(period.dueAt, timeZone), anggota: joined(lines), umpanBalik: feedback,
    capaian: capaian.length > 0 ? joined(capaian) : nested('ringkasan.capaianKosong'),
    kendala: kendala.length > 0
      ? joined(kendala.map((k) => nested('ringkasan.kendala', { nomor: k.number, kendala: k.kendala, umur: Math.floor((now.getTime() - k.createdAt.getTime()) / DAY_MS) })))
      : nested('ringkasan.kendalaKosong'),
    keaktifan: joined(participation),
  });
}

/** Catalogue lines joined by newlines, each rendered in the reader's language. */
export function joined(lines: Param[]): Param {
  return joinParams(lines);
}
