import type { Tx } from '../../../db/tx';
import { ProgressContentSchema } from '../laporan/progressReport';
import { zonedDate } from '../zonedTime';
import { evidenceReference } from '../laporan/evidenceByCode';
import { individualTaskName } from '../penunjukan/individualTaskName';
import { t } from '../../catalog/t';

export interface ExportFilter {
  instansiId: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  pegawaiIds?: string[];
  /** A unit's people by relation, not by id list: a large dinas exceeds SQLite's parameter limit. */
  homeUnitId?: string;
  timIds?: string[];
  /** Chat exports: only reports this pegawai wrote or received (R1 holds in exports too). */
  readerId?: string;
}

/** One row per capaian entry (per target) of each submitted report: what e-Kinerja and the Inspektorat read. */
export interface ExportRow {
  tanggalKirim: string;
  periode: string;
  nip: string;
  nama: string;
  unitAsal: string;
  tim: string;
  jenis: string;
  indikator: string;
  capaian: number | null;
  target: number | null;
  satuan: string;
  kegiatan: string;
  output: string;
  kendala: string;
  rencana: string;
  buktiDukung: string;
  status: string;
  terlambat: string;
  umpanBalik: string;
}

export const EXPORT_COLUMNS: Array<[keyof ExportRow, string]> = [
  ['tanggalKirim', 'Tanggal kirim'], ['periode', 'Periode'], ['nip', 'NIP'], ['nama', 'Nama'], ['unitAsal', 'Unit asal'],
  ['tim', 'Tim kerja'], ['jenis', 'Jenis laporan'], ['indikator', 'Indikator'], ['capaian', 'Capaian'], ['target', 'Target'],
  ['satuan', 'Satuan'], ['kegiatan', 'Kegiatan'], ['output', 'Output'], ['kendala', 'Kendala'], ['rencana', 'Rencana berikutnya'],
  ['buktiDukung', 'Bukti dukung'], ['status', 'Status'], ['terlambat', 'Terlambat'], ['umpanBalik', 'Umpan balik'],
];

/** `telegramBot`: the bot's username, so that bukti dukung are listed as t.me links (else as /bukti codes). */
export async function exportRows(tx: Tx, filter: ExportFilter, timeZone: string, telegramBot?: string): Promise<ExportRow[]> {
  const reports = await tx.laporan.findMany({
    where: {
      instansiId: filter.instansiId, status: { notIn: ['DRAFT', 'REQUESTED'] }, submittedAt: { gte: filter.from, lt: filter.to },
      ...(filter.pegawaiIds ? { authorId: { in: filter.pegawaiIds } } : {}),
      ...(filter.homeUnitId ? { author: { homeUnitId: filter.homeUnitId } } : {}), ...(filter.timIds ? { timId: { in: filter.timIds } } : {}),
      kind: { in: ['KEMAJUAN_ANGGOTA', 'KEMAJUAN_INDIVIDU', 'TIM', 'DIMINTA'] },
      ...(filter.readerId ? { OR: [{ authorId: filter.readerId }, { addressees: { some: { pegawaiId: filter.readerId } } }] } : {}),
    },
    include: { author: { include: { homeUnit: true } }, tim: true, penugasan: true, attachments: true, feedback: { include: { author: true }, orderBy: { createdAt: 'asc' } } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  return reports.flatMap((r): ExportRow[] => {
    const progress = r.kind === 'KEMAJUAN_ANGGOTA' || r.kind === 'KEMAJUAN_INDIVIDU' ? ProgressContentSchema.parse(JSON.parse(r.content)) : null;
    const base = {
      tanggalKirim: r.submittedAt ? zonedDate(r.submittedAt, timeZone) : '', periode: r.periodStart ? zonedDate(r.periodStart, timeZone) : '',
      nip: r.author.nip, nama: r.author.name, unitAsal: r.author.homeUnit.name,
      tim: r.tim?.name ?? (r.penugasan ? t('id', 'individu.judul', { tugas: individualTaskName(r.penugasan.details) }) : ''), jenis: r.kind,
      kegiatan: progress?.kegiatan ?? '', output: progress?.output ?? '', kendala: progress?.kendala ?? '', rencana: progress?.rencana ?? '',
      buktiDukung: r.attachments.map((a) => evidenceReference(a.id, a.fileName, telegramBot)).join('; '),
      status: r.status, terlambat: r.late ? 'ya' : 'tidak',
      umpanBalik: r.feedback.map((f) => `${f.kind} ${f.author.name}${f.text ? `: ${f.text}` : ''}`).join('; '),
    };
    const capaian = progress?.capaian ?? [];
    if (capaian.length === 0) return [{ ...base, indikator: '', capaian: null, target: null, satuan: '' }];
    return capaian.map((c) => ({ ...base, indikator: c.indikator, capaian: c.nilai, target: c.target, satuan: c.satuan }));
  });
}
