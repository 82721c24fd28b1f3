import type { Tx } from '../../db/tx';
import type { PolicyProfile } from '../policy/policyProfile';

export interface KedudukanWarning {
  nip: string;
  nama: string;
  message: string;
  citation: string;
}

const MANAGERIAL = new Set(['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS']);

type Person = Awaited<ReturnType<typeof loadPeople>>[number];

function loadPeople(tx: Tx, instansiId: string) {
  return tx.pegawai.findMany({
    where: { instansiId, active: true },
    include: { penilai: { include: { headOfUnits: true } } },
    orderBy: { nip: 'asc' },
  });
}

/**
 * Points out placements that look inconsistent with the profile (domain-spec §4.2). Only
 * warnings: the Pembina Kepegawaian decides kedudukan, the bot never rejects it.
 */
export async function checkKedudukan(tx: Tx, instansiId: string, profile: PolicyProfile): Promise<KedudukanWarning[]> {
  const warnings: KedudukanWarning[] = [];
  for (const person of await loadPeople(tx, instansiId)) {
    const basic = checkPenilaiPresent(person);
    if (basic) warnings.push(basic);
    else warnings.push(...checkProfileRules(person, profile));
  }
  return [...warnings, ...(await checkUnitHeads(tx, instansiId)), ...(await checkKetua(tx, instansiId, profile))];
}

// Every PF and pelaksana needs a Penilai of at least Pengawas rank, or a PF leading a unit kerja
// mandiri (penilai definition; SMD Ps 7(2), LMD Ps 18(5), MGL Ps 7(3)).
function checkPenilaiPresent(p: Person): KedudukanWarning | null {
  const subject = p.jenisJabatan === 'FUNGSIONAL' || p.jenisJabatan === 'PELAKSANA';
  if (subject && !p.penilai) {
    return { nip: p.nip, nama: p.name, message: 'belum memiliki Pejabat Penilai Kinerja', citation: 'kedudukan (LMD Lamp. II.A(2); KRA Lamp. B.2: penugasan setelah kedudukan ditetapkan)' };
  }
  if (!p.penilai || MANAGERIAL.has(p.penilai.jenisJabatan) || p.penilai.headOfUnits.length > 0) return null;
  return {
    nip: p.nip, nama: p.name, citation: 'definisi Pejabat Penilai Kinerja (000-SMD Ps 1(28); 002-LMD Ps 1(20))',
    message: `Penilai ${p.penilai.name} bukan pejabat struktural paling rendah pengawas dan tidak memimpin unit`,
  };
}

// The profile's jenjang rules, e.g. LMD Ps 18(3): ahli madya sits under a JPT Pratama.
function checkProfileRules(p: Person, profile: PolicyProfile): KedudukanWarning[] {
  const penilai = p.penilai;
  if (!penilai || penilai.headOfUnits.some((u) => u.leaderKind === 'FUNGSIONAL')) return [];
  return profile.kedudukan
    .filter((rule) => (rule.jfJenjang?.includes(p.jfJenjang as never) ?? false) || (rule.jenisJabatan?.includes(p.jenisJabatan as never) ?? false))
    .filter((rule) => !rule.penilaiJenisJabatan.includes(penilai.jenisJabatan as never))
    .map((rule) => ({
      nip: p.nip, nama: p.name, citation: rule.citation,
      message: `${p.jfJenjang ? `JF ${p.jfJenjang.replace('_', ' ').toLowerCase()}` : p.jenisJabatan.toLowerCase()} biasanya berkedudukan di bawah `
        + `${rule.penilaiJenisJabatan.join('/')}, tetapi Penilainya ${penilai.name} (${penilai.jenisJabatan})`,
    }));
}

async function checkUnitHeads(tx: Tx, instansiId: string): Promise<KedudukanWarning[]> {
  const units = await tx.unitOrganisasi.findMany({ where: { instansiId }, include: { head: true } });
  return units.flatMap((unit): KedudukanWarning[] => {
    if (!unit.head) return [{ nip: '-', nama: unit.name, message: 'unit belum memiliki pimpinan', citation: 'definisi Unit Organisasi (000-SMD Ps 1(9))' }];
    if (unit.head.jenisJabatan === unit.leaderKind) return [];
    return [{
      nip: unit.head.nip, nama: unit.head.name, citation: 'definisi Pimpinan Unit Organisasi (000-SMD Ps 1(15))',
      message: `memimpin ${unit.name} yang dipimpin jabatan ${unit.leaderKind}, tetapi jabatannya ${unit.head.jenisJabatan}`,
    }];
  });
}

// K12/K14: a ketua from the file whose post the profile does not let lead this team (Lamandau Ps 24(4): a
// JPT Pratama or Administrator only where a Keputusan sets the team).
async function checkKetua(tx: Tx, instansiId: string, profile: PolicyProfile): Promise<KedudukanWarning[]> {
  const seats = await tx.membership.findMany({
    where: { role: 'KETUA', status: 'ACTIVE', tim: { instansiId }, pegawai: { instansiId } }, include: { pegawai: true, tim: true }, orderBy: { pegawai: { nip: 'asc' } },
  });
  return seats.flatMap(({ pegawai, tim }): KedudukanWarning[] => {
    const rule = profile.ketuaTim.find((r) => r.jenisJabatan.includes(pegawai.jenisJabatan as never));
    if (!rule) return [{ nip: pegawai.nip, nama: pegawai.name, citation: profile.ketuaTim[0]!.citation, message: `ketua ${tim.name}, tetapi jabatan ${pegawai.jenisJabatan} tidak termasuk yang dapat menjadi ketua tim` }];
    if (rule.hanyaTimKeputusan && !tim.wajibKeputusan) {
      return [{ nip: pegawai.nip, nama: pegawai.name, citation: rule.citation, message: `ketua ${tim.name}, tetapi jabatan ${pegawai.jenisJabatan} hanya dapat menjadi ketua tim yang ditetapkan dengan Keputusan (wajibKeputusan)` }];
    }
    return [];
  });
}
