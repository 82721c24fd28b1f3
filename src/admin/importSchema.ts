// Organisation import format (README "Format impor"). Field names are Indonesian because the
// admin who writes these files is; messages are Bahasa Indonesia.
import { z } from 'zod';
import { InboundStageSchema, PeristiwaStageSchema } from '../core/policy/lintasInstansiSchema';
import {
  DelegationKindSchema, DelegationScopeSchema, EmploymentStatusSchema, HariSchema, InstansiKindSchema,
  InstansiRoleSchema, JenisJabatanSchema, JfJenjangSchema, JfKategoriSchema, LeaderKindSchema, LingkupSchema,
  MembershipRoleSchema, PerangkatDaerahKindSchema, TimJenisSchema, UnitTypeSchema,
} from '../core/domain/enums';
import { NipSchema } from '../core/domain/nip';

const kode = z.string().trim().min(1, 'wajib diisi').max(64).regex(/^[A-Za-z0-9._-]+$/, 'hanya huruf, angka, titik, garis bawah dan tanda hubung');
// NUL, other control characters and half a surrogate pair: PostgreSQL refuses the first, letters garble the rest.
const bersih = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
const TIDAK_BERSIH = 'mengandung karakter yang tidak sah (karakter kendali atau kode Unicode yang terpotong)';
const teks = z.string().trim().min(1, 'wajib diisi').refine(bersih, TIDAK_BERSIH);
const opsional = z.string().trim().min(1).refine(bersih, TIDAK_BERSIH).optional();
const tanggal = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'format tanggal harus TTTT-BB-HH');
const zonaWaktu = z.string().refine((zone) => {
  try { new Intl.DateTimeFormat('id-ID', { timeZone: zone }); return true; } catch { return false; }
}, 'zona waktu IANA tidak dikenal (contoh: Asia/Jakarta)');

export const KopSuratSchema = z.object({
  pemerintah: teks, alamat: teks, kodePos: opsional, telepon: opsional, faks: opsional, laman: opsional, posEl: opsional,
});

export const InstansiRowSchema = z.object({
  kode, nama: teks, jenis: InstansiKindSchema, zonaWaktu, profilKebijakan: kode, kopSurat: KopSuratSchema,
  /** Product choices of this instansi; absent means the defaults. */
  pengaturan: z.object({
    /** Link a Slack account by its verified profile email (default: yes). */
    hubungkanViaEmail: z.boolean().optional(),
    /** Weekly digest day and time in the instansi's zone (default: JUMAT 16:00). */
    ringkasan: z.object({ hari: HariSchema, jam: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam ditulis JJ:MM') }).strict().optional(),
    ringkasanKeGrup: z.boolean().optional(),
    pengingatPersetujuanHariKerja: z.number().int().min(1).max(20).optional(),
    nomorSurat: z.string().min(1).includes('{urutan}', { message: 'skema nomor surat wajib memuat {urutan}' }).optional(),
    dasarSuratTugas: z.array(z.string().min(1)).optional(),
    /** Menimbang of the ketua tim's Rekomendasi (Samarinda formats 4b and 5); {perangkatDaerah} is filled in. */
    menimbangRekomendasi: z.array(z.string().min(1)).optional(),
    tempatSurat: z.string().min(1).optional(),
    /** WF-3 events recorded where the regulation stops (Tulang Bawang Barat), in the profile's PERISTIWA format. */
    lintasInstansiLanjutan: z.array(PeristiwaStageSchema).optional(),
    /** Likewise for a request another government sends us, in the profile's inbound format. */
    lintasInstansiMasukLanjutan: z.array(InboundStageSchema).optional(),
  }).strict().optional(),
});
export const PerangkatDaerahRowSchema = z.object({ kode, nama: teks, jenis: PerangkatDaerahKindSchema, nipKepala: NipSchema.optional() });
export const UnitRowSchema = z.object({
  kode, nama: teks, kodePerangkatDaerah: kode, kodeInduk: kode.optional(),
  tipeUnit: UnitTypeSchema, jenisPimpinan: LeaderKindSchema, nipPimpinan: NipSchema.optional(),
});
export const PegawaiRowSchema = z.object({
  nip: NipSchema, nama: teks, status: EmploymentStatusSchema, pangkat: opsional, golongan: opsional, pendidikan: opsional,
  jabatan: teks, jenisJabatan: JenisJabatanSchema, kategoriJf: JfKategoriSchema.optional(), jenjangJf: JfJenjangSchema.optional(),
  email: z.email('alamat email tidak valid').optional(), kodeUnit: kode, nipPenilai: NipSchema.optional(),
}).refine((row) => row.jenisJabatan !== 'FUNGSIONAL' || (row.kategoriJf && row.jenjangJf), {
  message: 'pejabat fungsional wajib punya kategoriJf dan jenjangJf', path: ['jenjangJf'],
});
export const PeranRowSchema = z.object({ peran: InstansiRoleSchema, nip: NipSchema });
export const DelegasiRowSchema = z.object({
  nipDari: NipSchema, nipKe: NipSchema, jenis: DelegationKindSchema, lingkup: DelegationScopeSchema, mulai: tanggal, selesai: tanggal,
});
export const TargetRowSchema = z.object({ subKegiatan: teks, sasaran: teks, indikator: teks, target: z.number().positive(), satuan: teks });
export const TimRowSchema = z.object({
  kode, nama: teks, jenis: TimJenisSchema, lingkup: LingkupSchema, kodeUnitPemilik: kode, mulai: tanggal, selesai: tanggal,
  maksudTujuan: opsional, kompetensi: opsional, terbukaSukarela: z.boolean().default(false),
  /** Lamandau Ps 24(1): another regulation mandates that the team be set by Keputusan. */
  wajibKeputusan: z.boolean().default(false),
  laporan: z.object({
    hari: HariSchema, jam: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format jam harus JJ:MM'),
    /** Reminder ladder in hours from the due time, e.g. [-24, -2, 24]; at most 5. */
    pengingat: z.array(z.number().int().min(-168, 'paling awal 168 jam sebelum batas').max(168, 'paling lambat 168 jam setelah batas')).max(5).optional(),
  }).default({ hari: 'JUMAT', jam: '15:00' }),
  anggota: z.array(z.object({ nip: NipSchema, peran: MembershipRoleSchema })).default([]),
  target: z.array(TargetRowSchema).default([]),
});

export const OrganisationFileSchema = z.object({
  instansi: InstansiRowSchema,
  perangkatDaerah: z.array(z.unknown()).default([]),
  unitOrganisasi: z.array(z.unknown()).default([]),
  pegawai: z.array(z.unknown()).default([]),
  peran: z.array(z.unknown()).default([]),
  delegasi: z.array(z.unknown()).default([]),
  timKerja: z.array(z.unknown()).default([]),
});
