import { TimkerjaError } from '../errors';
import type { LetterBlock, LetterDocument } from './letterDocument';
import { category, identityFields, signatureOf, withoutEnd, type LetterPerson, type RefusalReason } from './penugasanLetters';

export interface RekomendasiInput {
  /** The unit's letterhead; the builder adds the team line under the unit (kop.subUnit). */
  kop: NonNullable<LetterDocument['kop']>;
  issuedAt: Date;
  nomor: string;
  /** "Samarinda, 27 November 2026" */
  tempatTanggal: string;
  /** National rule first, then the regional regulation when there is one (format 4b/5 Dasar a, b). */
  dasar: string[];
  /**
   * Menimbang a and b of the format, e.g. the Renstra and Peta Proses Bisnis lines; may be empty. The
   * builder always adds the last item: "Surat permohonan pelibatan dalam Tim Kerja tanggal <requestDate>
   * atas nama <applicant.name>".
   */
  menimbang: string[];
  requestDate: string;
  applicant: LetterPerson;
  instansiName: string;
  team: string;
  /** "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika" */
  ownerUnit: string;
  /** The ketua tim who signs ("KETUA TIM,"). */
  ketua: LetterPerson;
  recommendation: { recommended: true } | { recommended: false; reason: RefusalReason };
}

const SUB_UNIT = 'TIM KERJA PEJABAT FUNGSIONAL DAN PELAKSANA';

/** Items of a Dasar or Menimbang list end in ";", the last one in ".", as in the format. */
const punctuated = (items: string[]) => items.map((item, index) => `${withoutEnd(item)}${index < items.length - 1 ? ';' : '.'}`);
// 000-SMD format 4b/5 prints "Rencana Sestrategis": a drafting defect never copied (domain-spec §8.3)
const withoutDefects = (text: string) => text.replace(/\bSestrategis\b/g, 'Strategis');

/** The "Untuk :" sentence: format 4b, format 5 alternative 1 or 2, or a reason of the ketua's own. */
function untuk(input: RekomendasiInput): string {
  const where = `Tim Kerja ${input.team} pada ${input.ownerUnit}`;
  const considering = `dengan pertimbangan ${category(input.applicant.jabatan)} serta kualifikasi keahlian yang dimiliki`;
  const { recommendation } = input;
  if (recommendation.recommended) return `Menyetujui pelibatan dalam Tim Kerja ${considering} sesuai dengan kebutuhan dalam ${where}.`;
  const { reason } = recommendation;
  if (reason.code === 'LAINNYA') return `Tidak menyetujui pelibatan dalam ${where} dengan alasan: ${withoutEnd(reason.text)}.`;
  if (reason.code === 'KUALIFIKASI_TIDAK_SESUAI') return `Tidak menyetujui pelibatan dalam Tim Kerja ${considering} tidak sesuai dengan kebutuhan dalam ${where}.`;
  return `Tidak menyetujui pelibatan dalam Tim Kerja ${considering} sesuai dengan kebutuhan dalam ${where}, namun jumlah anggota Tim sudah mencukupi.`;
}

/** A rekomendasi rests on at least one rule, and a reason of the ketua's own must say something. */
function requireComplete(input: RekomendasiInput): void {
  const reason = input.recommendation.recommended ? null : input.recommendation.reason;
  const empty = [
    ...(input.dasar.every((item) => item.trim() === '') ? ['dasar'] : []),
    ...(reason?.code === 'LAINNYA' && reason.text.trim() === '' ? ['reason'] : []),
  ];
  if (empty.length > 0) throw new TimkerjaError('LETTER_INCOMPLETE', `missing ${empty.join(', ')}`, { fields: empty });
}

/** Formats 4b (setuju) and 5 (tidak setuju, alternative 1 or 2) of 000-SMD Lamp. BAB III: the ketua tim's recommendation on a voluntary request. */
export function suratRekomendasi(input: RekomendasiInput): LetterDocument {
  requireComplete(input);
  const { applicant } = input;
  const menimbang = [
    ...input.menimbang.filter((item) => item.trim() !== '').map(withoutDefects),
    `Surat permohonan pelibatan dalam Tim Kerja tanggal ${input.requestDate} atas nama ${applicant.name}`,
  ];
  const body: LetterBlock[] = [
    { kind: 'list', label: 'Dasar', style: 'alpha', items: punctuated(input.dasar.filter((item) => item.trim() !== '')) },
    { kind: 'list', label: 'Menimbang', style: 'alpha', items: punctuated(menimbang) },
    { kind: 'paragraph', text: `Ketua Tim Kerja ${input.team}, memberikan rekomendasi kepada :` },
    identityFields(applicant, { label: 'Instansi', value: input.instansiName }),
    { kind: 'list', label: 'Untuk', style: 'alpha', items: [untuk(input)] },
    { kind: 'paragraph', text: 'Demikian rekomendasi ini dibuat untuk dipergunakan seperlunya.' },
  ];
  return {
    issuedAt: input.issuedAt,
    kop: { ...input.kop, subUnit: SUB_UNIT },
    title: 'REKOMENDASI PELIBATAN DALAM TIM KERJA',
    nomor: input.nomor,
    body,
    signature: { ...signatureOf(input.ketua, [input.tempatTanggal]), jabatan: 'KETUA TIM,' },
    tembusan: [],
    attachments: [],
  };
}
