// WF-11 (TBB Lamp. D.f): "pendidikan minimal D3" and "penata muda Tk.I golongan ruang minimal IIIb".
// The orderings are [CONTEXT]: Indonesian education levels and PNS golongan ruang.

const EDUCATION = ['SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'];
const EDUCATION_RANK: Record<string, number> = { SD: 0, SMP: 1, SMA: 2, SMK: 2, D1: 3, D2: 4, D3: 5, D4: 6, S1: 6, S2: 7, S3: 8 };
const GOLONGAN = /^(I{1,3}|IV)\/([a-e])$/;
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

function golonganRank(golongan: string | null): number | null {
  const match = golongan ? GOLONGAN.exec(golongan.trim()) : null;
  return match ? ROMAN[match[1]!]! * 10 + match[2]!.charCodeAt(0) - 96 : null;
}

function educationRank(pendidikan: string | null): number | null {
  const level = pendidikan?.trim().toUpperCase().split(/[\s/-]/)[0] ?? '';
  return EDUCATION.includes(level) ? EDUCATION_RANK[level]! : null;
}

/** The criteria a candidate misses, as catalogue-ready reasons; empty when eligible. */
export function ketuaShortfalls(
  candidate: { pendidikan: string | null; golongan: string | null },
  rule: { minPendidikan: string | null; minGolongan: string | null },
): Array<{ criterion: 'PENDIDIKAN' | 'GOLONGAN'; required: string; actual: string }> {
  const missing: Array<{ criterion: 'PENDIDIKAN' | 'GOLONGAN'; required: string; actual: string }> = [];
  if (rule.minPendidikan && (educationRank(candidate.pendidikan) ?? -1) < educationRank(rule.minPendidikan)!) {
    missing.push({ criterion: 'PENDIDIKAN', required: rule.minPendidikan, actual: candidate.pendidikan ?? '-' });
  }
  // A PPPK has no PNS golongan ruang, so it cannot show "minimal III/b" ([SILENT]; kebijakan instansi).
  if (rule.minGolongan && (golonganRank(candidate.golongan) ?? -1) < golonganRank(rule.minGolongan)!) {
    missing.push({ criterion: 'GOLONGAN', required: rule.minGolongan, actual: candidate.golongan ?? '-' });
  }
  return missing;
}
