import { TimkerjaError } from '../errors';
import type { LetterDocument, LetterSignature } from './letterDocument';
import { identityFields, signatureOf, withoutEnd, type LetterPerson } from './penugasanLetters';
import { terbilang } from './pelibatanLetters';

export interface PermohonanIndividuInput {
  issuedAt: Date;
  /** "Samarinda, 27 November 2026" */
  tempatTanggal: string;
  /** The rule the request rests on, e.g. "Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023"; the PermenPANRB when the instansi has no regional rule. */
  dasar: string;
  applicant: LetterPerson;
  instansiName: string;
  /** Addressee line, e.g. "Kepala Bidang Aplikasi Informatika (Kabid Aptika Uji)". */
  kepada: string;
  team: string;
  /** "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika" */
  ownerUnit: string;
  /** The applicant's own words (kompetensi dan motivasi), quoted in the letter. */
  motivasi: string;
  tembusan: string[];
  /** TBB and MGL: the letter is "diketahui oleh Pejabat Penilai Kinerja"; their acknowledgement block. */
  mengetahui?: LetterPerson & { atasNama?: string };
  /** Files the applicant sent with it (the format's CV and supporting documents); 0 or absent: none. */
  berkas?: number;
}

/** The renderer prints "Yth." itself: a caller's own copy would come out doubled. */
const withoutYth = (kepada: string) => kepada.trim().replace(/^yth[.,]?\s*/i, '');

function requireFilled(fields: Record<string, string>): void {
  const empty = Object.keys(fields).filter((name) => fields[name]!.trim() === '');
  if (empty.length > 0) throw new TimkerjaError('LETTER_INCOMPLETE', `missing ${empty.join(', ')}`, { fields: empty });
}

/** Non-breaking spaces keep "selaku Pejabat Penilai Kinerja," on one line under the office in both renderers. */
const AS_PENILAI = 'selaku Pejabat Penilai Kinerja,'.replace(/ /g, '\u00a0');

/**
 * TBB Lamp. "c." B.2 / MGL Lamp. II.B.2: "diketahui oleh Pejabat Penilai Kinerja". The block names
 * the office and the capacity; a delegate (a.n./Plh.) signs under the caller's atasNama line with
 * their own office, since they acknowledge for the Penilai rather than being one.
 */
function acknowledgement(penilai: NonNullable<PermohonanIndividuInput['mengetahui']>): LetterSignature {
  const office = withoutEnd(penilai.jabatan);
  return { ...signatureOf(penilai), jabatan: penilai.atasNama ? `${office},` : `${office} ${AS_PENILAI}` };
}

/** Format 1 (000-SMD Lamp. BAB III): the official's own surat permohonan pelibatan dalam Tim Kerja (secara individu). */
export function suratPermohonanIndividu(input: PermohonanIndividuInput): LetterDocument {
  requireFilled({ dasar: input.dasar, motivasi: input.motivasi });
  const { applicant } = input;
  const berkas = input.berkas ?? 0;
  // the applicant's words, one paragraph per line they wrote (a DOCX run would not keep a line break)
  const motivasi = input.motivasi.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return {
    issuedAt: input.issuedAt,
    // a personal letter: no letterhead and no agenda number (format 1 prints "Nomor : -")
    kop: null,
    nomor: '-',
    tempatTanggal: input.tempatTanggal,
    // the format's "1 (satu) berkas" only when the applicant sent a CV or other documents
    header: { sifat: 'Biasa', lampiran: berkas > 0 ? `${berkas} (${terbilang(berkas)}) berkas` : '-', hal: 'Permohonan pelibatan dalam Tim Kerja' },
    kepada: [withoutYth(input.kepada)],
    body: [
      // the format cites the Perwali under a wrong title with a blank number (domain-spec §8.3): the caller's rule is written instead
      { kind: 'paragraph', text: `Berdasarkan ${withoutEnd(input.dasar)}, saya yang bertanda tangan di bawah ini:` },
      identityFields(applicant, { label: 'Instansi', value: input.instansiName }),
      { kind: 'paragraph', text: `Dengan ini saya mengajukan permohonan pelibatan dalam Tim Kerja ${input.team} pada ${input.ownerUnit}, dengan kompetensi dan motivasi sebagai berikut:` },
      ...motivasi.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(berkas > 0 ? [{ kind: 'paragraph' as const, text: 'Sebagai bahan pertimbangan, bersama ini saya lampirkan Curriculum Vitae (CV) dan dokumen pendukung lainnya.' }] : []),
      { kind: 'paragraph', text: 'Demikian permohonan ini saya sampaikan, atas perhatian dan perkenaan Bapak/Ibu saya ucapkan terima kasih.' },
    ],
    signature: { ...signatureOf(applicant), jabatan: 'Pemohon,' },
    ...(input.mengetahui ? { mengetahui: acknowledgement(input.mengetahui) } : {}),
    tembusan: input.tembusan,
    attachments: [],
  };
}
