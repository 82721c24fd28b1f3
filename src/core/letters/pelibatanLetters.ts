import { TimkerjaError } from '../errors';
import type { LetterBlock, LetterDocument } from './letterDocument';
import { identityFields, signatureOf, withoutEnd, type LetterPerson } from './penugasanLetters';

/** What the request for another unit's official (penunjukan lintas unit, WF-2) and its answer share. */
export interface PelibatanLetterBase {
  kop: NonNullable<LetterDocument['kop']>;
  issuedAt: Date;
  nomor: string;
  /** "Kota Uji, 26 November 2026" */
  tempatTanggal: string;
  /** The official asked for; null when the unit is asked for a number of its officials, to be nominated by it. */
  person: LetterPerson | null;
  /** "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika" — where the person works, or the unit asked. */
  personUnit: string;
  /** How many officials are asked for: 1 for a named official. */
  jumlah: number;
  team: string;
  /** The owner unit of the team, e.g. "Bidang Statistik, Dinas Komunikasi dan Informatika". */
  ownerUnit: string;
  signer: LetterPerson & { atasNama?: string };
  tembusan: string[];
}

export interface PermohonanPelibatanInput extends PelibatanLetterBase {
  /** Addressee line, e.g. "Kepala Bidang Aplikasi Informatika (Kabid Aptika Uji)". */
  kepada: string;
  /** Rules the request rests on; may be the national rules only. */
  dasar: string[];
  maksudTujuan: string;
  kompetensi: string;
  ekspektasi: string;
  /** "26 November 2026 s.d. 31 Desember 2026" */
  durasi: string;
}

export interface JawabanPelibatanInput extends PelibatanLetterBase {
  /** Addressee: the requesting head, e.g. "Kepala Bidang Statistik (Kabid Statistik Uji)". */
  kepada: string;
  /** Number and date of the request letter; requestNomor may be null when the request was not by letter. */
  requestNomor: string | null;
  requestDate: string;
  /** An approval of a request for a number of officials names whom the unit nominated. */
  decision: { approved: true; ditunjuk?: LetterPerson[] } | { approved: false; reason: string };
}

export interface SkTimKerjaInput {
  kop: NonNullable<LetterDocument['kop']>;
  issuedAt: Date;
  nomor: string;
  place: string;
  date: string;
  signer: LetterPerson & { atasNama?: string };
  team: string;
  ownerUnit: string;
  dasar: string[];
  maksudTujuan: string;
  period: string;
  members: Array<{ name: string; nip: string; jabatan: string; unit: string; peran: 'Ketua' | 'Anggota' }>;
  tembusan: string[];
}

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** A whole number in words, as letters write counts: 2 → "dua", 115 → "seratus lima belas". */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new RangeError(`terbilang: ${n} is not a whole number below one billion`);
  const rest = (r: number) => (r > 0 ? ` ${terbilang(r)}` : '');
  if (n < 12) return UNITS[n]!;
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return `${UNITS[Math.floor(n / 10)]} puluh${rest(n % 10)}`;
  if (n < 200) return `seratus${rest(n - 100)}`;
  if (n < 1000) return `${UNITS[Math.floor(n / 100)]} ratus${rest(n % 100)}`;
  if (n < 2000) return `seribu${rest(n - 1000)}`;
  if (n < 1e6) return `${terbilang(Math.floor(n / 1000))} ribu${rest(n % 1000)}`;
  return `${terbilang(Math.floor(n / 1e6))} juta${rest(n % 1e6)}`;
}

/** The renderers print "Yth." and "NOMOR :" themselves: a caller's own copy would come out doubled. */
export const withoutYth = (kepada: string) => kepada.trim().replace(/^yth[.,]?\s*/i, '');
export const bareNomor = (nomor: string) => nomor.trim().replace(/^nomor\s*:?\s*/i, '');

/** "A", "A dan B", "A, B, dan C": the rules as one phrase inside a sentence. */
export function joinNaturally(items: string[]): string {
  const parts = items.map(withoutEnd).filter(Boolean);
  return parts.length <= 2 ? parts.join(' dan ') : `${parts.slice(0, -1).join(', ')}, dan ${parts.at(-1)}`;
}

/** "bahwa untuk meningkatkan …": lower-cases a capitalised first word, but not an acronym (SPBE). */
function midSentence(text: string): string {
  const trimmed = withoutEnd(text);
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

export function requireFilled(fields: Record<string, string>): void {
  const empty = Object.keys(fields).filter((name) => fields[name]!.trim() === '');
  if (empty.length > 0) throw new TimkerjaError('LETTER_INCOMPLETE', `missing ${empty.join(', ')}`, { fields: empty });
}

const counted = (jumlah: number) => `${jumlah} (${terbilang(jumlah)}) orang`;

function requireCount(jumlah: number): void {
  if (!Number.isInteger(jumlah) || jumlah < 1) throw new TimkerjaError('LETTER_INCOMPLETE', `jumlah ${jumlah} is not a count of people`, { fields: ['jumlah'] });
}

const personPhrase = (input: PelibatanLetterBase) => (input.person
  ? `${input.person.name}, NIP ${input.person.nip}, ${input.person.jabatan} pada ${input.personUnit}`
  : `${counted(input.jumlah)} Pejabat Fungsional dan/atau pelaksana pada ${input.personUnit}`);

/** Formats 2–4 share the frame of a plain letter: date, Nomor/Sifat/Lampiran/Hal, addressee. */
export function plainLetter(
  input: Pick<PelibatanLetterBase, 'kop' | 'issuedAt' | 'nomor' | 'tempatTanggal' | 'signer' | 'tembusan'> & { kepada: string },
  hal: string,
  body: LetterBlock[],
): LetterDocument {
  return {
    issuedAt: input.issuedAt, kop: input.kop, nomor: bareNomor(input.nomor), tempatTanggal: input.tempatTanggal,
    header: { sifat: 'Biasa', lampiran: '-', hal }, kepada: [withoutYth(input.kepada)], body,
    signature: signatureOf(input.signer), tembusan: input.tembusan, attachments: [],
  };
}

/**
 * Format 2 (000-SMD Lamp. BAB III): surat permohonan pelibatan dalam Tim Kerja, from the owner unit's head.
 * The four items every regulation requires "paling sedikit" (domain-spec §5.7) are written into the
 * letter itself, so "Lampiran" stays "-" (the format's "terlampir rencana kerja" is a drafting defect, §8.3).
 */
export function suratPermohonanPelibatan(input: PermohonanPelibatanInput): LetterDocument {
  const { maksudTujuan, kompetensi, ekspektasi, durasi } = input;
  requireFilled({ maksudTujuan, kompetensi, ekspektasi, durasi });
  requireCount(input.jumlah);
  const dasar = joinNaturally(input.dasar);
  const opening = `${dasar ? `Berdasarkan ${dasar}, dengan` : 'Dengan'} ini kami menyampaikan permohonan penugasan pejabat Saudara dalam Tim Kerja ${input.team} pada ${input.ownerUnit}`;
  const items = [
    `Maksud dan tujuan: ${maksudTujuan.trim()}`,
    `Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: ${kompetensi.trim()}`,
    `Ekspektasi/target kinerja: ${ekspektasi.trim()}`,
    `Durasi pelibatan: ${durasi.trim()}`,
  ];
  // A named official is one of the number asked for; without one, the unit nominates officials who meet the criteria.
  const asked: LetterBlock[] = input.person
    ? [
      { kind: 'paragraph', text: `${opening}, dengan jumlah ${counted(input.jumlah)}, ${input.jumlah === 1 ? 'yaitu' : 'di antaranya'}:` },
      identityFields(input.person, { label: 'Unit Kerja', value: input.personUnit }),
      { kind: 'paragraph', text: 'dengan rincian permohonan sebagai berikut:' },
    ]
    : [{
      kind: 'paragraph',
      text: `${opening}, dengan jumlah ${counted(input.jumlah)} Pejabat Fungsional dan/atau pelaksana pada ${input.personUnit} yang Saudara tunjuk sesuai dengan kriteria di bawah ini, dengan rincian permohonan sebagai berikut:`,
    }];
  return plainLetter(input, 'Permohonan pelibatan dalam Tim Kerja', [
    ...asked,
    { kind: 'list', style: 'alpha', items: items.map((item, index) => (index < items.length - 1 ? `${withoutEnd(item)};` : `${withoutEnd(item)}.`)) },
    { kind: 'paragraph', text: 'Demikian kami sampaikan, atas perhatian dan perkenaan Bapak/Ibu kami ucapkan terima kasih.' },
  ]);
}

/** Who is approved: the named official, or the number asked for and the officials the unit nominated. */
function approvedPhrase(input: JawabanPelibatanInput, ditunjuk: LetterPerson[]): string {
  if (input.person) return personPhrase(input);
  if (ditunjuk.length === 0) throw new TimkerjaError('LETTER_INCOMPLETE', 'an approval of a request for a number of officials names them', { fields: ['ditunjuk'] });
  const names = ditunjuk.map((person) => `${person.name}, NIP ${person.nip}, ${person.jabatan}`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join('; ')}; dan ${names.at(-1)}`;
  return `${counted(ditunjuk.length)} Pejabat Fungsional dan/atau pelaksana pada ${input.personUnit} yang kami tunjuk, yaitu ${list}`;
}

/**
 * The target's written answer (surat jawaban) to the requesting head: approval, or refusal with its
 * reason. Every regulation requires the reason of a refusal (WF-2 T3; LMD Ps 23(5): in writing).
 */
export function suratJawabanPelibatan(input: JawabanPelibatanInput): LetterDocument {
  const { decision } = input;
  if (!decision.approved) requireFilled({ reason: decision.reason });
  requireCount(input.jumlah);
  const request = input.requestNomor?.trim()
    ? `surat Saudara nomor ${bareNomor(input.requestNomor)} tanggal ${input.requestDate}`
    : `permohonan Saudara tanggal ${input.requestDate}`;
  const where = `dalam Tim Kerja ${input.team} pada ${input.ownerUnit}`;
  const points = decision.approved
    ? [`Kami menyetujui pelibatan ${approvedPhrase(input, decision.ditunjuk ?? [])}, ${where}.`, 'Surat penugasan bagi yang bersangkutan disampaikan bersama surat ini.']
    : [`Kami tidak dapat menyetujui pelibatan ${personPhrase(input)}, ${where}.`, `Alasan: ${decision.reason.trim()}`];
  return plainLetter(input, 'Jawaban permohonan pelibatan dalam Tim Kerja', [
    { kind: 'paragraph', text: `Menindaklanjuti ${request}, hal Permohonan pelibatan dalam Tim Kerja, dengan ini kami sampaikan hal-hal sebagai berikut:` },
    { kind: 'list', style: 'number', items: points },
    {
      kind: 'paragraph',
      text: decision.approved
        ? 'Demikian kami sampaikan, atas perhatian dan kerja samanya kami ucapkan terima kasih.'
        : 'Demikian kami sampaikan, atas perhatiannya kami ucapkan terima kasih.',
    },
  ]);
}

/** The Diktum of the Keputusan: Menetapkan, then KESATU to KETIGA, each on the list's colon column. */
function diktum(input: SkTimKerjaInput, decree: string): LetterBlock[] {
  const hasKetua = input.members.some((member) => member.peran === 'Ketua');
  const reporting = hasKetua
    ? `melaporkan hasil kinerjanya kepada Ketua Tim, dan Ketua Tim melaporkan hasil kinerja Tim Kerja kepada pemilik kinerja pada ${input.ownerUnit}`
    : `melaporkan hasil kinerjanya kepada pemilik kinerja pada ${input.ownerUnit}`;
  const one = (label: string, text: string): LetterBlock => ({ kind: 'list', label, style: 'number', items: [text] });
  return [
    one('Menetapkan', `${decree}.`),
    one('KESATU', `Susunan Tim Kerja ${input.team} pada ${input.ownerUnit} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`),
    one('KEDUA', `Tim Kerja sebagaimana dimaksud dalam Diktum KESATU bertugas melaksanakan ekspektasi/target kinerja yang ditetapkan oleh pemilik kinerja dan ${reporting}.`),
    one('KETIGA', `Keputusan ini berlaku selama ${withoutEnd(input.period)}.`),
  ];
}

/** Lamandau: the owner's Surat Keputusan Tim Kerja (002-LMD Lamp. II.C.a(3)), with the team's composition as lampiran. */
export function skTimKerja(input: SkTimKerjaInput): LetterDocument {
  requireFilled({ team: input.team, maksudTujuan: input.maksudTujuan, period: input.period });
  if (input.members.length === 0) throw new TimkerjaError('LETTER_INCOMPLETE', 'a Tim Kerja decree lists its members (LMD Ps 24(3))', { fields: ['members'] });
  // signed "a.n.": the decree is the principal's, so its title names the principal's office
  const office = input.signer.atasNama ? withoutEnd(input.signer.atasNama.replace(/^a\.\s*n\.\s*/i, '')) : input.signer.jabatan;
  const keputusan = `KEPUTUSAN ${office.toUpperCase()}`;
  const about = `TIM KERJA ${input.team.toUpperCase()} PADA ${input.ownerUnit.toUpperCase()}`;
  const placeDate = [`Ditetapkan di : ${input.place}`, `pada tanggal : ${input.date}`];
  const nomor = bareNomor(input.nomor);
  // the ketua heads the list (LMD Ps 24(3): "ketua; dan Anggota"), the rest in the caller's order
  const members = [...input.members.filter((m) => m.peran === 'Ketua'), ...input.members.filter((m) => m.peran !== 'Ketua')];
  return {
    issuedAt: input.issuedAt, kop: input.kop, title: keputusan, nomor,
    body: [
      { kind: 'heading', text: 'TENTANG' },
      { kind: 'heading', text: about },
      { kind: 'heading', text: `${office.toUpperCase()},` },
      { kind: 'list', label: 'Menimbang', style: 'alpha', items: [`bahwa untuk ${midSentence(input.maksudTujuan)}, perlu menetapkan Tim Kerja ${input.team} pada ${input.ownerUnit};`] },
      ...(input.dasar.length > 0 ? [{ kind: 'list' as const, label: 'Mengingat', style: 'number' as const, items: input.dasar.map((item) => `${withoutEnd(item)};`) }] : []),
      { kind: 'heading', text: 'MEMUTUSKAN :' },
      ...diktum(input, `${keputusan} TENTANG ${about}`),
    ],
    signature: signatureOf(input.signer, placeDate),
    tembusan: input.tembusan,
    attachments: [{
      heading: [`LAMPIRAN : ${keputusan}`, `NOMOR : ${nomor}`, `TANGGAL : ${input.date}`],
      title: `Susunan Tim Kerja ${input.team}`,
      table: {
        columns: ['NO', 'NAMA', 'NIP', 'JABATAN', 'UNIT KERJA', 'KEDUDUKAN DALAM TIM'],
        rows: members.map((m, index) => [String(index + 1), m.name, m.nip, m.jabatan, m.unit, m.peran]),
      },
      signature: signatureOf(input.signer, placeDate),
    }],
  };
}
