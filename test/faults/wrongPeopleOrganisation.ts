// One small instansi per policy profile, shaped so every profile role is a different person with a
// colleague in the same unit: the cast of the wrong-people case (issue 10, case 4).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importOrganisation } from '../../src/admin/importOrganisation';
import { issueLinkCode } from '../../src/core/auth/linkCodes';
import type { Db } from '../../src/db/createDb';
import { toImportJson } from '../fixtures/smallOrganisation';
import type { FakeUser } from '../fakes/fakeTelegram';

type Jenis = 'JPT_MADYA' | 'JPT_PRATAMA' | 'ADMINISTRATOR' | 'FUNGSIONAL' | 'PELAKSANA';
// key: [name, jenisJabatan, unit, Penilai key]
const CAST = {
  sekda: ['Sekretaris Daerah', 'JPT_MADYA', 'SETDA', null],
  unrelated: ['Pelaksana Umum Setda', 'PELAKSANA', 'SETDA', 'sekda'],
  // Presses in another instansi only, so its own refusals never show in this instansi's snapshot.
  visitor: ['Pelaksana Tamu Setda', 'PELAKSANA', 'SETDA', 'sekda'],
  kadisKominfo: ['Kepala Diskominfo', 'JPT_PRATAMA', 'KOMINFO', 'sekda'],
  stafKominfo: ['Staf Sekretariat Kominfo', 'PELAKSANA', 'KOMINFO', 'kadisKominfo'],
  kabidStatistik: ['Kabid Statistik', 'ADMINISTRATOR', 'KOMINFO.STAT', 'kadisKominfo'],
  applicant: ['Statistisi Pemohon', 'FUNGSIONAL', 'KOMINFO.STAT', 'kabidStatistik'],
  rekanStatistik: ['Statistisi Muda Rekan', 'FUNGSIONAL', 'KOMINFO.STAT', 'kabidStatistik'],
  pelaksanaStatistik: ['Pelaksana Statistik', 'PELAKSANA', 'KOMINFO.STAT', 'kabidStatistik'],
  kabidAptika: ['Kabid Aptika', 'ADMINISTRATOR', 'KOMINFO.APTIKA', 'kadisKominfo'],
  ketuaAptika: ['Pranata Komputer Ketua', 'FUNGSIONAL', 'KOMINFO.APTIKA', 'kabidAptika'],
  anggotaAptika: ['Pranata Komputer Anggota', 'FUNGSIONAL', 'KOMINFO.APTIKA', 'kabidAptika'],
  stafAptika: ['Pelaksana Aptika', 'PELAKSANA', 'KOMINFO.APTIKA', 'kabidAptika'],
  kadisDukcapil: ['Kepala Disdukcapil', 'JPT_PRATAMA', 'DUKCAPIL', 'sekda'],
  stafDukcapil: ['Staf Sekretariat Dukcapil', 'PELAKSANA', 'DUKCAPIL', 'kadisDukcapil'],
  kabidPiak: ['Kabid PIAK', 'ADMINISTRATOR', 'DUKCAPIL.PIAK', 'kadisDukcapil'],
  ketuaPiak: ['Administrator Database Ketua', 'FUNGSIONAL', 'DUKCAPIL.PIAK', 'kabidPiak'],
} as const satisfies Record<string, readonly [string, Jenis, string, string | null]>;
export type CastKey = keyof typeof CAST;

/** The teams a volunteer from Bidang Statistik may ask to join, one per scope. */
export const TEAMS = { DALAM_UO: 'Tim Data Statistik', LINTAS_UO: 'Tim Aplikasi Layanan', LINTAS_PD: 'Tim Kependudukan' } as const;

export interface Person {
  key: CastKey;
  pegawaiId: string;
  name: string;
  homeUnitId: string;
  tg: FakeUser;
  linkCode: string;
}

export interface PreparedInstansi {
  profileId: string;
  instansiId: string;
  people: Record<CastKey, Person>;
}

const nip = (index: number) => `1980010120050110${String(index).padStart(2, '0')}`;
const nipOf = (key: CastKey) => nip(Object.keys(CAST).indexOf(key) + 1);

function pegawaiRows() {
  return (Object.entries(CAST) as Array<[CastKey, (typeof CAST)[CastKey]]>).map(([key, [nama, jenisJabatan, kodeUnit, penilai]]) => ({
    nip: nipOf(key), nama, status: 'PNS', golongan: 'III/c', pendidikan: 'S1', jabatan: nama, jenisJabatan, kodeUnit,
    ...(jenisJabatan === 'FUNGSIONAL' ? { kategoriJf: 'KEAHLIAN', jenjangJf: key.startsWith('ketua') ? 'AHLI_MUDA' : 'AHLI_PERTAMA' } : {}),
    ...(penilai ? { nipPenilai: nipOf(penilai) } : {}),
  }));
}

const unit = (kode: string, nama: string, pd: string, tipeUnit: string, jenisPimpinan: string, head: CastKey, induk?: string) =>
  ({ kode, nama, kodePerangkatDaerah: pd, tipeUnit, jenisPimpinan, nipPimpinan: nipOf(head), ...(induk ? { kodeInduk: induk } : {}) });

const team = (kode: string, nama: string, lingkup: string, owner: string, ketua: CastKey, anggota: CastKey[] = []) => ({
  kode, nama, jenis: 'RUTIN', lingkup, kodeUnitPemilik: owner, mulai: '2026-01-01', selesai: '2027-12-31', terbukaSukarela: true,
  kompetensi: 'pengolahan data', laporan: { hari: 'JUMAT', jam: '15:00' },
  anggota: [{ nip: nipOf(ketua), peran: 'KETUA' }, ...anggota.map((key) => ({ nip: nipOf(key), peran: 'ANGGOTA' }))],
});

export function organisationFor(profileId: string) {
  return {
    instansi: {
      kode: `salah-orang-${profileId.toLowerCase()}`, nama: `Pemerintah Kota Uji ${profileId}`, jenis: 'KOTA', zonaWaktu: 'Asia/Jakarta',
      profilKebijakan: profileId, kopSurat: { pemerintah: `PEMERINTAH KOTA UJI ${profileId}`, alamat: 'Jalan Merdeka No. 1' },
    },
    perangkatDaerah: [
      { kode: 'SETDA', nama: 'Sekretariat Daerah', jenis: 'SETDA', nipKepala: nipOf('sekda') },
      { kode: 'KOMINFO', nama: 'Dinas Komunikasi dan Informatika', jenis: 'DINAS', nipKepala: nipOf('kadisKominfo') },
      { kode: 'DUKCAPIL', nama: 'Dinas Kependudukan dan Pencatatan Sipil', jenis: 'DINAS', nipKepala: nipOf('kadisDukcapil') },
    ],
    unitOrganisasi: [
      unit('SETDA', 'Sekretariat Daerah', 'SETDA', 'SETDA', 'JPT_MADYA', 'sekda'),
      unit('KOMINFO', 'Dinas Komunikasi dan Informatika', 'KOMINFO', 'DINAS', 'JPT_PRATAMA', 'kadisKominfo'),
      unit('KOMINFO.STAT', 'Bidang Statistik', 'KOMINFO', 'BIDANG', 'ADMINISTRATOR', 'kabidStatistik', 'KOMINFO'),
      unit('KOMINFO.APTIKA', 'Bidang Aplikasi Informatika', 'KOMINFO', 'BIDANG', 'ADMINISTRATOR', 'kabidAptika', 'KOMINFO'),
      unit('DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'DUKCAPIL', 'DINAS', 'JPT_PRATAMA', 'kadisDukcapil'),
      unit('DUKCAPIL.PIAK', 'Bidang Pengelolaan Informasi', 'DUKCAPIL', 'BIDANG', 'ADMINISTRATOR', 'kabidPiak', 'DUKCAPIL'),
    ],
    pegawai: pegawaiRows(),
    // The applicant stands in (Plh) for their own Kabid: as a delegate they may decide others' requests, never their own.
    delegasi: [{ nipDari: nipOf('kabidStatistik'), nipKe: nipOf('applicant'), jenis: 'PLH', lingkup: 'SEMUA', mulai: '2026-01-01', selesai: '2027-12-31' }],
    timKerja: [
      team('TIM-STAT', TEAMS.DALAM_UO, 'DALAM_UO', 'KOMINFO.STAT', 'rekanStatistik'),
      team('TIM-APL', TEAMS.LINTAS_UO, 'LINTAS_UO', 'KOMINFO.APTIKA', 'ketuaAptika', ['anggotaAptika']),
      team('TIM-DUK', TEAMS.LINTAS_PD, 'LINTAS_PD', 'DUKCAPIL.PIAK', 'ketuaPiak'),
    ],
  };
}

/** Imports one instansi per profile through the real importer and issues every person a link code. */
export async function prepareInstansi(db: Db, profileIds: string[], now: Date): Promise<PreparedInstansi[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-salah-orang-'));
  const prepared: PreparedInstansi[] = [];
  for (const [index, profileId] of profileIds.entries()) {
    const org = organisationFor(profileId);
    const file = path.join(dir, `${profileId}.json`);
    writeFileSync(file, toImportJson(org));
    const report = await importOrganisation(db, file, { now });
    if (!report.ok) throw new Error(`import ${profileId}: ${JSON.stringify(report.errors)}`);
    const instansi = await db.instansi.findUniqueOrThrow({ where: { code: org.instansi.kode } });
    const people = {} as Record<CastKey, Person>;
    for (const [slot, key] of (Object.keys(CAST) as CastKey[]).entries()) {
      const pegawai = await db.pegawai.findUniqueOrThrow({ where: { instansiId_nip: { instansiId: instansi.id, nip: nipOf(key) } } });
      const linkCode = await db.$transaction((tx) => issueLinkCode(tx, pegawai.id, instansi.id, new Date(now.getTime() + 24 * 3600_000)));
      const tg = { id: 710_000 + index * 100 + slot, first_name: pegawai.name.split(' ')[0]! };
      people[key] = { key, pegawaiId: pegawai.id, name: pegawai.name, homeUnitId: pegawai.homeUnitId, tg, linkCode };
    }
    prepared.push({ profileId, instansiId: instansi.id, people });
  }
  return prepared;
}
