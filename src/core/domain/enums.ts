import { z } from 'zod';

export const JenisJabatanSchema = z.enum(['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA']);
export type JenisJabatan = z.infer<typeof JenisJabatanSchema>;

export const LeaderKindSchema = z.enum(['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL']);
export const JfKategoriSchema = z.enum(['KEAHLIAN', 'KETERAMPILAN']);
// Ordered highest → lowest within each kategori (LMD Ps 11–12).
export const JfJenjangSchema = z.enum([
  'AHLI_UTAMA', 'AHLI_MADYA', 'AHLI_MUDA', 'AHLI_PERTAMA',
  'PENYELIA', 'MAHIR', 'TERAMPIL', 'PEMULA',
]);
export type JfJenjang = z.infer<typeof JfJenjangSchema>;
export const EmploymentStatusSchema = z.enum(['PNS', 'PPPK']);
export const InstansiKindSchema = z.enum(['KOTA', 'KABUPATEN']);
export const PerangkatDaerahKindSchema = z.enum(['SETDA', 'SETWAN', 'INSPEKTORAT', 'DINAS', 'BADAN', 'KECAMATAN', 'RSUD', 'LAINNYA']);
export const UnitTypeSchema = z.enum([
  'SETDA', 'SETDA_ASISTEN', 'SETDA_BAGIAN', 'SETWAN', 'SETWAN_BAGIAN', 'INSPEKTORAT',
  'DINAS', 'BADAN', 'SEKRETARIAT_PD', 'BIDANG', 'SUBBAGIAN', 'SEKSI',
  'UOBK_RSUD', 'RSUD_BIDANG', 'UPTD', 'PUSKESMAS', 'SATUAN_PENDIDIKAN', 'KECAMATAN', 'KELURAHAN',
]);
export type UnitType = z.infer<typeof UnitTypeSchema>;
export const InstansiRoleSchema = z.enum(['KEPALA_DAERAH', 'SEKDA', 'PEJABAT_BERWENANG', 'KEPALA_BAGIAN_ORGANISASI', 'ADMIN']);
export type InstansiRole = z.infer<typeof InstansiRoleSchema>;
export const DelegationKindSchema = z.enum(['PLH', 'PLT', 'PENDELEGASIAN']);
export const DelegationScopeSchema = z.enum(['SEMUA', 'PENILAI', 'PIMPINAN_UNIT']);
export const TimJenisSchema = z.enum(['RUTIN', 'INSIDENTAL']);
export const LingkupSchema = z.enum(['DALAM_UO', 'LINTAS_UO', 'LINTAS_PD', 'LINTAS_INSTANSI']);
export type Lingkup = z.infer<typeof LingkupSchema>;
export const MembershipRoleSchema = z.enum(['KETUA', 'ANGGOTA']);
export const HariSchema = z.enum(['SENIN', 'SELASA', 'RABU', 'KAMIS', 'JUMAT']);
