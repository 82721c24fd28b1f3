import type { Tx } from '../../db/tx';
import type { PolicyProfile } from '../policy/policyProfile';

export interface KedudukanWarning {
  nip: string;
  nama: string;
  message: string;
  citation: string;
}

const MANAGERIAL = new Set(['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS']);

/**
 * Points out placements that look inconsistent with the profile (domain-spec §4.2). Only
 * warnings: the Pembina Kepegawaian decides kedudukan, the bot never rejects it.
 */
export async function checkKedudukan(tx: Tx, instansiId: string, profile: PolicyProfile): Promise<KedudukanWarning[]> {
  const people = await tx.pegawai.findMany({ where: { instansiId, active: true }, include: { penilai: { include: { headOfUnits: true } } }, orderBy: { nip: 'asc' } });
  const units = await tx.unitOrganisasi.findMany({ where: { instansiId }, include: { head: true } });
  const warnings: KedudukanWarning[] = [];
  for (const p of people) {
    const subject = p.jenisJabatan === 'FUNGSIONAL' || p.jenisJabatan === 'PELAKSANA';
    if (subject && !p.penilai) {
      warnings.push({ nip: p.nip, nama: p.name, message: 'belum memiliki Pejabat Penilai Kinerja', citation: 'kedudukan (LMD Lamp. II.A(2); KRA Lamp. B.2: penugasan setelah kedudukan ditetapkan)' });
      continue;
    }
    if (!p.penilai) continue;
    // A PF who leads a unit kerja mandiri may be Penilai (SMD Ps 7(2); LMD Ps 18(5); MGL Ps 7(3)).
    const penilaiLeadsUnit = p.penilai.headOfUnits.length > 0;
    if (!MANAGERIAL.has(p.penilai.jenisJabatan) && !penilaiLeadsUnit) {
      warnings.push({ nip: p.nip, nama: p.name, message: `Penilai ${p.penilai.name} bukan pejabat struktural paling rendah pengawas dan tidak memimpin unit`, citation: 'definisi Pejabat Penilai Kinerja (000-SMD Ps 1(28); 002-LMD Ps 1(20))' });
      continue;
    }
    for (const rule of profile.kedudukan) {
      const matches = (rule.jfJenjang?.includes(p.jfJenjang as never) ?? false) || (rule.jenisJabatan?.includes(p.jenisJabatan as never) ?? false);
      if (!matches || rule.penilaiJenisJabatan.includes(p.penilai.jenisJabatan as never)) continue;
      if (p.penilai.headOfUnits.some((u) => u.leaderKind === 'FUNGSIONAL')) continue;
      const subjectName = p.jfJenjang ? `JF ${p.jfJenjang.replace('_', ' ').toLowerCase()}` : p.jenisJabatan.toLowerCase();
      warnings.push({
        nip: p.nip, nama: p.name, citation: rule.citation,
        message: `${subjectName} biasanya berkedudukan di bawah ${rule.penilaiJenisJabatan.join('/')}, tetapi Penilainya ${p.penilai.name} (${p.penilai.jenisJabatan})`,
      });
    }
  }
  for (const unit of units) {
    if (!unit.head) warnings.push({ nip: '-', nama: unit.name, message: 'unit belum memiliki pimpinan', citation: 'definisi Unit Organisasi (000-SMD Ps 1(9))' });
    else if (unit.head.jenisJabatan !== unit.leaderKind) {
      warnings.push({ nip: unit.head.nip, nama: unit.head.name, message: `memimpin ${unit.name} yang dipimpin jabatan ${unit.leaderKind}, tetapi jabatannya ${unit.head.jenisJabatan}`, citation: 'definisi Pimpinan Unit Organisasi (000-SMD Ps 1(15))' });
    }
  }
  return warnings;
}
