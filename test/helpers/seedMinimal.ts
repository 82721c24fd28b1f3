import type { Db } from '../../src/db/createDb';

let nipSequence = 100;

/** Builds one instansi with one unit and the given people, directly (engine tests need no import). */
export async function seedMinimal(db: Db, people: string[], profile = 'BASELINE') {
  const instansi = await db.instansi.create({
    data: { code: `inst-${++nipSequence}`, name: 'Pemerintah Kota Uji', kind: 'KOTA', timeZone: 'Asia/Jakarta', policyProfile: profile, letterhead: '{}', settings: '{}' },
  });
  const pd = await db.perangkatDaerah.create({ data: { instansiId: instansi.id, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'DINAS' } });
  const unit = await db.unitOrganisasi.create({
    data: { instansiId: instansi.id, perangkatDaerahId: pd.id, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', unitType: 'DINAS', leaderKind: 'JPT_PRATAMA' },
  });
  const byName: Record<string, string> = {};
  for (const name of people) {
    const p = await db.pegawai.create({
      data: {
        instansiId: instansi.id, nip: `19900101201501${String(++nipSequence).padStart(4, '0')}`, name, employmentStatus: 'PNS',
        jabatan: 'Pranata Komputer Ahli Pertama', jenisJabatan: 'FUNGSIONAL', jfKategori: 'KEAHLIAN', jfJenjang: 'AHLI_PERTAMA', homeUnitId: unit.id,
      },
    });
    byName[name] = p.id;
  }
  return { instansi, unit, ids: byName };
}
