import type { LetterBlock, LetterDocument, LetterSignature } from './letterDocument';

/** Who appears in a letter: the official's identity block (Nama, NIP, Pangkat/Gol, Jabatan, Instansi). */
export interface LetterPerson {
  name: string;
  nip: string;
  pangkat: string | null;
  golongan: string | null;
  jabatan: string;
}

export interface VoluntaryLetterInput {
  kop: NonNullable<LetterDocument['kop']>;
  issuedAt: Date;
  nomor: string;
  /** "Samarinda, 27 November 2026". */
  tempatTanggal: string;
  instansiName: string;
  applicant: LetterPerson;
  /** The date of the applicant's request, written out. */
  requestDate: string;
  team: string;
  /** "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika". */
  ownerUnit: string;
  signer: LetterPerson & { atasNama?: string };
  tembusan: string[];
  /**
   * Samarinda (000-SMD Lamp. BAB III formats 3 and 4): the ketua tim verified the request and
   * recommended for or against it. Absent where no recommendation was made; nothing is then said of one.
   */
  ketuaTim?: { recommended: boolean };
  /**
   * Format 3's last point: the letter that will assign the applicant (the profile's document), and
   * whether this letter's signer issues it ("dari kami"). Absent: the format's own Surat Tugas from us.
   */
  assignment?: { document: AssignmentDocument; fromSigner: boolean };
}

/** "Penata (III/c)"; undefined when neither is known. */
export const pangkatOf = (p: LetterPerson) => [p.pangkat, p.golongan && `(${p.golongan})`].filter(Boolean).join(' ') || undefined;

/** A phrase without its closing punctuation, so a list can add its own ";" or ".". */
export const withoutEnd = (text: string) => text.trim().replace(/[;,.]+$/, '');

/** The identity block of formats 1, 2, 4b and 5: Nama, NIP, Pangkat/Gol. (when known), Jabatan, and Instansi or Unit Kerja. */
export function identityFields(person: LetterPerson, last: { label: 'Instansi' | 'Unit Kerja'; value: string }): LetterBlock {
  const pangkat = pangkatOf(person);
  return {
    kind: 'fields',
    fields: [
      { label: 'Nama', value: person.name }, { label: 'NIP', value: person.nip },
      ...(pangkat ? [{ label: 'Pangkat/Gol.', value: pangkat }] : []), { label: 'Jabatan', value: person.jabatan }, last,
    ],
  };
}

export function signatureOf(signer: VoluntaryLetterInput['signer'], placeDate?: string[]): LetterSignature {
  return {
    ...(placeDate ? { placeDate } : {}), jabatan: `${signer.jabatan.toUpperCase()},`, nama: signer.name,
    ...(pangkatOf(signer) ? { pangkat: pangkatOf(signer) } : {}), nip: signer.nip, ...(signer.atasNama ? { atasNama: signer.atasNama } : {}),
  };
}

/** How formats 3–5 name the applicant's kind of position: "Jabatan Fungsional" or "Jabatan pelaksana". */
export function category(jabatan: string): string {
  return /pelaksana/i.test(jabatan) ? 'Jabatan pelaksana' : 'Jabatan Fungsional';
}

/**
 * Formats 3 and 4 share their frame: addressed to the applicant, answering their request of a
 * given date; only the subject, the numbered points and the closing line differ.
 */
function answerToRequest(input: VoluntaryLetterInput, hal: string, points: string[], closing: string): LetterDocument {
  return {
    issuedAt: input.issuedAt, kop: input.kop, nomor: input.nomor, tempatTanggal: input.tempatTanggal,
    header: { sifat: 'Biasa', lampiran: '-', hal },
    kepada: [input.applicant.name],
    body: [
      { kind: 'paragraph', text: `Menindaklanjuti permohonan Saudara tanggal ${input.requestDate}, hal Permohonan pelibatan dalam Tim Kerja, dengan ini kami sampaikan hal-hal sebagai berikut:` },
      { kind: 'list', style: 'number', items: points },
      { kind: 'paragraph', text: closing },
    ],
    signature: signatureOf(input.signer),
    tembusan: input.tembusan,
    attachments: [],
  };
}

/** Formats 3 and 4: "Setelah dilakukan verifikasi oleh Ketua Tim Kerja, …" only when the ketua did verify. */
const afterVerification = (input: VoluntaryLetterInput, point: string) =>
  (input.ketuaTim ? `Setelah dilakukan verifikasi oleh Ketua Tim Kerja, ${point}` : point);

/** Format 3 (000-SMD Lamp. BAB III): the approval of a request to join a team. */
export function suratPersetujuan(input: VoluntaryLetterInput): LetterDocument {
  return answerToRequest(input, 'Persetujuan pelibatan dalam Tim Kerja', [
    afterVerification(input, `${category(input.applicant.jabatan)} serta kualifikasi keahlian yang Saudara miliki sesuai dengan kebutuhan dalam Tim Kerja ${input.team} pada ${input.ownerUnit}.`),
    // Only when the decision follows the ketua's recommendation does the letter say it rests on it.
    `${input.ketuaTim?.recommended ? 'Atas rekomendasi dari Ketua Tim Kerja tersebut, kami' : 'Kami'} menyetujui permohonan Saudara untuk dilibatkan dalam Tim Kerja ${input.team} pada ${input.ownerUnit}.`,
    `Setelah Saudara menerima ${assignmentName(input.assignment?.document ?? 'SURAT_TUGAS')}${input.assignment?.fromSigner === false ? '' : ' dari kami'}, agar Saudara segera melapor kepada Ketua Tim Kerja tersebut.`,
  ], 'Demikian kami sampaikan, atas perhatian dan kerja samanya kami ucapkan terima kasih.');
}

export type RefusalReason = { code: 'KUALIFIKASI_TIDAK_SESUAI' | 'ANGGOTA_MENCUKUPI' } | { code: 'LAINNYA'; text: string };

/**
 * Format 4: the refusal. A prescribed alternative (000-SMD Lamp. BAB III format 4) is written in
 * the regulation's own sentence; any other reason is quoted. The format's "Atas rekomendasi dari
 * Ketua Tim Kerja tersebut" is written only when the ketua did recommend against: the bot only
 * writes what happened.
 */
export function suratPenolakan(input: VoluntaryLetterInput & { reason: RefusalReason }): LetterDocument {
  const where = `Tim Kerja ${input.team} pada ${input.ownerUnit}`;
  const kind = category(input.applicant.jabatan);
  const quoted = 'text' in input.reason ? input.reason.text : '-';
  const reason = input.reason.code === 'KUALIFIKASI_TIDAK_SESUAI'
    ? `${kind} serta kualifikasi keahlian yang Saudara miliki tidak sesuai dengan kebutuhan dalam ${where}.`
    : input.reason.code === 'ANGGOTA_MENCUKUPI'
      ? `${kind} serta kualifikasi keahlian yang Saudara miliki sesuai dengan kebutuhan dalam ${where}, namun jumlah anggota Tim sudah mencukupi.`
      // after "Setelah dilakukan verifikasi …," a bare "Alasan:" would not read as a sentence
      : input.ketuaTim ? `terdapat pertimbangan sebagai berikut: ${quoted}` : `Alasan: ${quoted}`;
  const basis = input.ketuaTim?.recommended === false ? 'Atas rekomendasi dari Ketua Tim Kerja tersebut' : 'Dengan pertimbangan tersebut';
  return answerToRequest(input, 'Tidak setuju pelibatan dalam Tim Kerja',
    [afterVerification(input, reason), `${basis}, kami tidak menyetujui permohonan Saudara untuk dilibatkan dalam ${where}.`],
    'Demikian kami sampaikan, atas perhatiannya kami ucapkan terima kasih.');
}

/** The title each profile document prints (the profile's `document`). */
export const ASSIGNMENT_TITLES = { SURAT_TUGAS: 'SURAT TUGAS', SURAT_PENUGASAN: 'SURAT PENUGASAN', SURAT_PERINTAH: 'SURAT PERINTAH' } as const;
/** The profile's name for the letter that assigns an official; the letter is stored and captioned by it. */
export type AssignmentDocument = keyof typeof ASSIGNMENT_TITLES;
/** "Surat Penugasan": the title as a sentence names it. */
const assignmentName = (document: AssignmentDocument) => ASSIGNMENT_TITLES[document].toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());

export interface SuratTugasInput extends VoluntaryLetterInput {
  /** Dasar items of the instansi (format 6 names national and regional rules; never another region's). */
  dasar: string[];
  ketua: string;
  targets: Array<{ subKegiatan: string; sasaran: string; indikator: string; target: number; satuan: string }>;
  members: string[];
  period: string;
  place: string;
  date: string;
  /** The profile's document: SURAT TUGAS (SMD format 6), SURAT PENUGASAN, SURAT PERINTAH. */
  title?: string;
  /** KETUA: the letter designates the ketua tim (Karanganyar Lamp. BAB II.A); otherwise a member. */
  peran?: 'ANGGOTA' | 'KETUA';
}

/** Format 6: the Surat Tugas with Lampiran 1 (the team table), for a new member of a team. */
export function suratTugas(input: SuratTugasInput): LetterDocument {
  const placeDate = [`Ditetapkan di : ${input.place}`, `pada tanggal : ${input.date}`];
  const rows = (input.targets.length > 0 ? input.targets : [{ subKegiatan: '-', sasaran: '-', indikator: '-', target: 0, satuan: '-' }])
    // The team, its ketua and members are written once, in the first row: a long member list per
    // target row would blow every row up over a page.
    .map((t, index) => [
      String(index + 1), t.subKegiatan, t.sasaran, t.indikator, index === 0 ? input.team : '', index === 0 ? input.ketua : '',
      index === 0 ? input.members.join(', ') : '', t.target ? String(t.target) : '-', t.satuan,
    ]);
  return {
    issuedAt: input.issuedAt, kop: input.kop, title: input.title ?? 'SURAT TUGAS', nomor: input.nomor,
    body: [
      { kind: 'list', label: 'Dasar', style: 'number', items: input.dasar },
      { kind: 'heading', text: 'MEMERINTAHKAN :' },
      { kind: 'list', label: 'Kepada', style: 'number', items: [`${input.applicant.name}, NIP ${input.applicant.nip}, ${input.applicant.jabatan}`] },
      {
        kind: 'list', label: 'Untuk', style: 'number', items: input.peran === 'KETUA' ? [
          `Menjadi Ketua Tim Kerja ${input.team} pada ${input.ownerUnit} sesuai dengan penugasan terlampir, selama ${input.period};`,
          'Melaksanakan tugas koordinasi penyusunan rencana, pelaksanaan, pemantauan, dan evaluasi, serta melaporkan hasil kinerja anggota tim kepada pemberi tugas;',
          'Melaksanakan tugas ini dengan penuh tanggung jawab.',
        ] : [
          `Menjadi Anggota Tim Kerja ${input.team} pada ${input.ownerUnit} sesuai dengan penugasan terlampir, selama ${input.period};`,
          'Menyusun rencana kerja individu, melaksanakan kinerja sesuai ekspektasi ketua tim, dan melaporkan hasil kinerjanya kepada ketua tim;',
          'Dalam hal tidak dapat melanjutkan keanggotaan, menyampaikan pengunduran diri melalui ketua tim;',
          'Melaksanakan tugas ini dengan penuh tanggung jawab.',
        ],
      },
    ],
    signature: signatureOf(input.signer, placeDate),
    tembusan: input.tembusan,
    attachments: [{
      heading: [`LAMPIRAN 1 : ${input.title ?? 'SURAT TUGAS'} ${input.signer.jabatan.toUpperCase()}`, `NOMOR : ${input.nomor}`, `TANGGAL : ${input.date}`],
      title: `Susunan Tim Kerja ${input.team}`,
      table: { columns: ['NO', 'SUB KEGIATAN', 'SASARAN SUB KEGIATAN', 'INDIKATOR SUB KEGIATAN', 'NAMA TIM', 'KETUA TIM', 'ANGGOTA TIM', 'TARGET KINERJA', 'SATUAN'], rows },
      signature: signatureOf(input.signer, placeDate),
    }],
  };
}
