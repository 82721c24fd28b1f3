import { TimkerjaError } from '../errors';
import type { LetterBlock, LetterDocument } from './letterDocument';
import { bareNomor, joinNaturally, plainLetter, requireFilled, terbilang } from './pelibatanLetters';
import { signatureOf, withoutEnd, type LetterPerson } from './penugasanLetters';

/** What the letters of a cross-government request (penunjukan lintas instansi, WF-3, domain-spec §3.3) share. */
export interface LintasInstansiLetterBase {
  kop: NonNullable<LetterDocument['kop']>;
  issuedAt: Date;
  nomor: string;
  /** "Kota Uji, 26 November 2026" */
  tempatTanggal: string;
  signer: LetterPerson & { atasNama?: string };
  /** Addressee line, e.g. "Pejabat yang Berwenang pada Pemerintah Kota Uji (Sekretaris Daerah Uji)". */
  kepada: string;
  tembusan: string[];
  /** The team's name, e.g. "Tim Statistik Sektoral" or "Satu Data"; "Tim Kerja" is added only when the name lacks "Tim". */
  team: string;
  /** "Bidang Statistik, Dinas Komunikasi dan Informatika" */
  ownerUnit: string;
  /** The requesting government, in every letter of the request (the answer too): "Pemerintah Kota Uji". */
  ownInstansi: string;
  /** The government asked for officials, in every letter (the answer's signer works there): "Pemerintah Kabupaten Lamandau". */
  targetInstansi: string;
}

export interface PermohonanLintasInstansiInput extends LintasInstansiLetterBase {
  /** Rules the request rests on, as in format 2; may be empty. */
  dasar: string[];
  maksudTujuan: string;
  kompetensi: string;
  ekspektasi: string;
  /** "26 November 2026 s.d. 31 Desember 2026" */
  durasi: string;
  /** Officials asked for, at least 1. */
  jumlah: number;
}

type JawabanLintasInstansiInput = LintasInstansiLetterBase & {
  /** The requesting PyB's letter (T2) being answered. */
  rujukan: { nomor: string; tanggal: string };
  /** `ditolak`: the request itself is not approved (the PyB's refusal), rather than no official being available. */
  decision: { tersedia: true; daftar: Array<{ name: string; nip: string; jabatan: string; unit: string }> } | { tersedia: false; reason: string; ditolak?: boolean };
};

/** T1 sets the subject; T2 and the answer refer back to it, so the three letters name it alike. */
const HAL_PERMOHONAN = 'Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja';
const PF = 'Pejabat Fungsional dan/atau Pelaksana';

/** "Tim Kerja Satu Data", but "Tim Statistik Sektoral" as it is: never "Tim Kerja Tim …". */
const teamPhrase = (team: string) => (/^tim\b/i.test(team.trim()) ? team.trim() : `Tim Kerja ${team.trim()}`);

/** The date part of "Nanga Bulik, 30 November 2026", for the lampiran heading. */
const dateOf = (tempatTanggal: string) => tempatTanggal.slice(tempatTanggal.lastIndexOf(',') + 1).trim();

/** §5.7 "paling sedikit memuat" the four items; format 2 adds the count. Returns "2 (dua) orang". */
function requireRequest(input: PermohonanLintasInstansiInput, more: Record<string, string>): string {
  const { maksudTujuan, kompetensi, ekspektasi, durasi, targetInstansi } = input;
  requireFilled({ maksudTujuan, kompetensi, ekspektasi, durasi, targetInstansi, ...more });
  if (!Number.isInteger(input.jumlah) || input.jumlah < 1) {
    throw new TimkerjaError('LETTER_INCOMPLETE', `jumlah ${input.jumlah} is not a count of people`, { fields: ['jumlah'] });
  }
  return `${input.jumlah} (${terbilang(input.jumlah)}) orang`;
}

/** The four items in the body, so "Lampiran" stays "-" (format 2's "terlampir rencana kerja" is a drafting defect, §8.3). */
function rincian(input: PermohonanLintasInstansiInput): LetterBlock {
  const items = [
    `Maksud dan tujuan: ${input.maksudTujuan.trim()}`,
    `Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: ${input.kompetensi.trim()}`,
    `Ekspektasi/target kinerja: ${input.ekspektasi.trim()}`,
    `Durasi pelibatan: ${input.durasi.trim()}`,
  ];
  return { kind: 'list', style: 'alpha', items: items.map((item, index) => `${withoutEnd(item)}${index < items.length - 1 ? ';' : '.'}`) };
}

/**
 * T1 (000-SMD Lamp. BAB II.B.10.a.iii.1 = 004-KRA Lamp. B.2.a.3; 002-LMD Lamp. II.C.a(4)): the owner
 * unit's head asks the own Pejabat yang Berwenang "terlebih dahulu", to forward the request to the
 * other government if the PyB agrees. `diteruskanKepada` names the office with its government.
 */
export function suratPermohonanKePyb(input: PermohonanLintasInstansiInput & { diteruskanKepada: string }): LetterDocument {
  const jumlah = requireRequest(input, { diteruskanKepada: input.diteruskanKepada });
  const dasar = joinNaturally(input.dasar);
  const opening = `${dasar ? `Berdasarkan ${dasar}, dengan` : 'Dengan'} ini kami mengajukan permohonan pelibatan ${PF} dari ${input.targetInstansi.trim()} dalam ${teamPhrase(input.team)} pada ${input.ownerUnit}`;
  return plainLetter(input, HAL_PERMOHONAN, [
    { kind: 'paragraph', text: `${opening}, dengan jumlah ${jumlah} dan rincian sebagai berikut:` },
    rincian(input),
    { kind: 'paragraph', text: `Sehubungan dengan hal tersebut, kami mohon Bapak/Ibu berkenan menyetujui dan meneruskan permohonan ini kepada ${withoutEnd(input.diteruskanKepada)}.` },
    { kind: 'paragraph', text: 'Demikian kami sampaikan, atas perhatian dan perkenaan Bapak/Ibu kami ucapkan terima kasih.' },
  ]);
}

/**
 * T2: the own PyB, having agreed, asks the other government for the officials (SMD/KRA: its PyB;
 * LMD: the target Pimpinan Unit Organisasi), citing the owner's letter, and asks for the surat
 * jawaban "beserta daftar Pejabat Fungsional atau pelaksana yang ditugaskan" (SMD step 5).
 */
export function suratPermohonanAntarInstansi(
  input: PermohonanLintasInstansiInput & { rujukan: { nomor: string; tanggal: string; pemohon: string } },
): LetterDocument {
  const { rujukan } = input;
  const jumlah = requireRequest(input, { 'rujukan.nomor': rujukan.nomor, 'rujukan.tanggal': rujukan.tanggal, 'rujukan.pemohon': rujukan.pemohon });
  const dasar = joinNaturally(input.dasar);
  const reference = `surat ${rujukan.pemohon.trim()} nomor ${bareNomor(rujukan.nomor)} tanggal ${rujukan.tanggal.trim()}, hal ${HAL_PERMOHONAN}`;
  const request = `kami mohon kesediaan Bapak/Ibu untuk menugaskan ${PF} dari ${input.targetInstansi.trim()} agar dapat dilibatkan dalam ${teamPhrase(input.team)} pada ${input.ownerUnit} di lingkungan ${input.ownInstansi.trim()}`;
  return plainLetter(input, HAL_PERMOHONAN, [
    { kind: 'paragraph', text: `${dasar ? `Berdasarkan ${dasar}, serta menindaklanjuti` : 'Menindaklanjuti'} ${reference}, dengan ini ${request}, dengan jumlah ${jumlah} dan rincian sebagai berikut:` },
    rincian(input),
    { kind: 'paragraph', text: `Kami mohon kiranya Bapak/Ibu berkenan menyampaikan surat jawaban atas permohonan ini beserta daftar ${PF} yang ditugaskan, yang memuat nama, NIP, jabatan, dan unit kerja masing-masing.` },
    { kind: 'paragraph', text: 'Demikian kami sampaikan, atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih.' },
  ]);
}

/** "LAMPIRAN : SURAT BUPATI LAMANDAU" when a delegate signs "a.n.": the letter is the principal's. */
function lampiranHeading(input: JawabanLintasInstansiInput): string[] {
  const office = input.signer.atasNama ? withoutEnd(input.signer.atasNama.replace(/^a\.\s*n\.\s*/i, '')) : input.signer.jabatan;
  return [`LAMPIRAN : SURAT ${office.toUpperCase()}`, `NOMOR : ${bareNomor(input.nomor)}`, `TANGGAL : ${dateOf(input.tempatTanggal)}`];
}

/** The decision in numbered points; S14: a "not available" answer carries its reason. */
function answerPoints(input: JawabanLintasInstansiInput): string[] {
  const where = `dalam ${teamPhrase(input.team)} pada ${input.ownerUnit} di lingkungan ${input.ownInstansi.trim()}`;
  const { decision } = input;
  if (!decision.tersedia && decision.ditolak) {
    return [`Kami tidak dapat menyetujui permohonan pelibatan ${PF} di lingkungan ${input.targetInstansi.trim()} ${where}.`, `Alasan: ${decision.reason.trim()}`];
  }
  if (!decision.tersedia) {
    return [
      `${PF} di lingkungan ${input.targetInstansi.trim()} tidak tersedia untuk dilibatkan ${where}, sehingga kami tidak dapat memenuhi permohonan tersebut.`,
      `Alasan: ${decision.reason.trim()}`,
    ];
  }
  const count = decision.daftar.length;
  return [
    `Kami menyetujui permohonan tersebut dan menugaskan ${count} (${terbilang(count)}) orang ${PF} di lingkungan ${input.targetInstansi.trim()} yang bersesuaian dengan kriteria yang dibutuhkan untuk dilibatkan ${where}.`,
    `Daftar ${PF} yang ditugaskan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari surat ini.`,
  ];
}

/**
 * SMD step 5 / KRA B.2.a.3 (LMD II.C.a(4)(c): surat persetujuan): the answering government's PyB
 * to the requesting PyB. Available: the officials assigned, listed in the lampiran; not available:
 * the reason (S14, [PRODUCT]: required).
 */
export function suratJawabanAntarInstansi(input: JawabanLintasInstansiInput): LetterDocument {
  const { decision, rujukan } = input;
  requireFilled({ 'rujukan.nomor': rujukan.nomor, 'rujukan.tanggal': rujukan.tanggal, targetInstansi: input.targetInstansi });
  if (!decision.tersedia) requireFilled({ reason: decision.reason });
  else if (decision.daftar.length === 0) throw new TimkerjaError('LETTER_INCOMPLETE', 'an answer that officials are available lists them (SMD step 5)', { fields: ['daftar'] });
  else requireFilled(Object.fromEntries(decision.daftar.flatMap((row, i) => [[`daftar[${i}].name`, row.name], [`daftar[${i}].nip`, row.nip]])));

  const letter = plainLetter(input, 'Jawaban permohonan pelibatan pegawai lintas instansi', [
    { kind: 'paragraph', text: `Menindaklanjuti surat Bapak/Ibu nomor ${bareNomor(rujukan.nomor)} tanggal ${rujukan.tanggal.trim()}, hal ${HAL_PERMOHONAN}, dengan ini kami sampaikan hal-hal sebagai berikut:` },
    { kind: 'list', style: 'number', items: answerPoints(input) },
    {
      kind: 'paragraph',
      text: decision.tersedia
        ? 'Demikian kami sampaikan, atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih.'
        : 'Demikian kami sampaikan, atas perhatian Bapak/Ibu kami ucapkan terima kasih.',
    },
  ]);
  if (!decision.tersedia) return letter;
  // the list goes with the letter: "Lampiran : -" beside a lampiran would be format 2's defect (§8.3)
  return {
    ...letter,
    header: { ...letter.header!, lampiran: '1 (satu) berkas' },
    attachments: [{
      heading: lampiranHeading(input),
      title: `Daftar ${PF} yang Ditugaskan dalam ${teamPhrase(input.team)}`,
      table: {
        columns: ['NO', 'NAMA', 'NIP', 'JABATAN', 'UNIT KERJA'],
        rows: decision.daftar.map((row, index) => [String(index + 1), row.name.trim(), row.nip.trim(), row.jabatan.trim(), row.unit.trim()]),
      },
      signature: signatureOf(input.signer),
    }],
  };
}
