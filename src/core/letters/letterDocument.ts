/**
 * A letter as data, independent of its file format: the builders fill it from the domain, the
 * renderers (renderPdf.ts, renderDocx.ts) lay it out in the Samarinda formats (000-SMD Lamp. BAB III).
 * Every text is final Bahasa Indonesia: letters are official documents in the national language.
 */
export interface LetterDocument {
  /** When the letter was issued: its date, and the files' creation date (no wall clock in src/core). */
  issuedAt: Date;
  /** Kop surat: the government, the issuing unit, and its contact lines. */
  kop: {
    pemerintah: string;
    /** PERANGKAT DAERAH / UNIT KERJA, in capitals as printed. */
    unit: string;
    /** Formats 4b and 5: "TIM KERJA PEJABAT FUNGSIONAL DAN PELAKSANA" under the unit. */
    subUnit?: string;
    /** Address, phone, fax, web and email lines, already joined per line. */
    lines: string[];
  } | null;
  /** A centred title (SURAT TUGAS, REKOMENDASI PELIBATAN DALAM TIM KERJA); absent for a plain letter. */
  title?: string;
  /** The bare number; the renderer writes "NOMOR :" or "Nomor :" before it. */
  nomor: string;
  /** "Samarinda, 27 November 2026" at the top right of a plain letter. */
  tempatTanggal?: string;
  /** Header block of a plain letter (formats 1–4): Sifat, Lampiran, Hal. */
  header?: { sifat: string; lampiran: string; hal: string };
  /** The addressee lines; the renderer adds "Yth." before the first and "di" / "Tempat" after. */
  kepada?: string[];
  body: LetterBlock[];
  signature: LetterSignature;
  /** An acknowledgement block ("Mengetahui") beside or above the signature. */
  mengetahui?: LetterSignature;
  tembusan: string[];
  /** Attachment pages (lampiran) with their own heading, a table, and the signature again. */
  attachments: LetterAttachment[];
}

export type LetterBlock =
  | { kind: 'paragraph'; text: string }
  /** A labelled list: "Dasar", "Menimbang", "Untuk" with a., b. or 1., 2. items. */
  | { kind: 'list'; label?: string; style: 'alpha' | 'number'; items: string[] }
  /** Aligned "Nama : …" lines. */
  | { kind: 'fields'; fields: Array<{ label: string; value: string }> }
  /** A centred line in capitals, e.g. "MEMERINTAHKAN :". */
  | { kind: 'heading'; text: string };

export interface LetterSignature {
  /** "Ditetapkan di : Samarinda / pada tanggal : …" lines, or the place and date, above the title. */
  placeDate?: string[];
  /** e.g. "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,", "KETUA TIM,", "Pemohon,". */
  jabatan: string;
  nama: string;
  /** "Pembina (IV/a)"; absent when unknown. */
  pangkat?: string;
  nip: string;
  /** "a.n." line when a delegate signs for the official (Plh/Plt). */
  atasNama?: string;
}

export interface LetterAttachment {
  /** "LAMPIRAN 1 : SURAT TUGAS … NOMOR : … TANGGAL : …" */
  heading: string[];
  title: string;
  table: { columns: string[]; rows: string[][] };
  signature: LetterSignature;
}

/** A rendered letter, ready to send as a document. */
export interface RenderedLetter {
  fileName: string;
  mimeType: string;
  content: Buffer;
}
