import type { Db } from '../../../db/createDb';
import { nested, type Param } from '../../catalog/t';
import { text, type CoreMessage } from '../../messages';
import { formatPeriod } from '../formatTime';
import type { ReportPeriod } from '../laporan/reportPeriod';
import { TeamContentSchema } from '../laporan/teamReport';
import { joined } from './teamDigest';

/**
 * Issue 8 item 5 (R1): the unit head's weekly digest, every team the unit owns in one message, built
 * only from the team reports their ketua sent (members report through their ketua).
 */
export async function unitDigest(db: Db, unitId: string, teamIds: string[], period: ReportPeriod, timeZone: string, lateNote: boolean): Promise<CoreMessage> {
  const unit = await db.unitOrganisasi.findUniqueOrThrow({ where: { id: unitId } });
  const teams = await db.timKerja.findMany({
    where: { id: { in: teamIds } },
    include: { memberships: { where: { role: 'KETUA', status: 'ACTIVE' }, include: { pegawai: true } } },
    orderBy: { name: 'asc' },
  });
  const sections: Param[] = [];
  for (const tim of teams) {
    const ketua = tim.memberships[0]?.pegawai.name ?? '-';
    const report = await db.laporan.findFirst({ where: { timId: tim.id, kind: 'TIM', periodStart: period.periodStart, status: { not: 'DRAFT' } } });
    if (!report) {
      sections.push(nested('ringkasan.unitTimBelum', { tim: tim.name, ketua }));
      continue;
    }
    const content = TeamContentSchema.parse(JSON.parse(report.content));
    const count = (status: string) => content.anggota.filter((a) => a.status === status).length;
    const lines: Param[] = [
      nested('ringkasan.unitTimAnggota', { tepat: count('TEPAT_WAKTU'), lambat: count('TERLAMBAT'), belum: count('BELUM') }),
      ...content.capaian.map((c) => nested('ringkasan.capaian', { indikator: c.indikator, nilai: c.nilai, target: c.target, satuan: c.satuan })),
      ...content.kendala.map((k) => nested('ringkasan.unitKendala', { nama: k.nama, kendala: k.kendala })),
    ];
    sections.push(nested('ringkasan.unitTim', { tim: tim.name, ketua, isi: joined(lines) }));
  }
  return text('ringkasan.unit', {
    unit: unit.name, periode: formatPeriod(period.periodStart, period.periodEnd, timeZone),
    terlambat: lateNote ? nested('ringkasan.terlambatDikirim') : '', tim: sections.reduce((a, b) => nested('umum.paragraf', { a, b })),
  });
}
