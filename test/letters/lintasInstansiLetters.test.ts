import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/core/letters/letterDocument';
import {
  suratJawabanAntarInstansi, suratPermohonanAntarInstansi, suratPermohonanKePyb, type LintasInstansiLetterBase, type PermohonanLintasInstansiInput,
} from '../../src/core/letters/lintasInstansiLetters';
import { renderLetter } from '../../src/core/letters/renderLetter';
import { docxText, pdfText, pdfTextItems } from '../helpers/pdfText';
import { joinWrapped, tableRows } from '../helpers/pdfTable';

const KOP_DISKOMINFO: NonNullable<LetterDocument['kop']> = {
  pemerintah: 'PEMERINTAH KOTA UJI',
  unit: 'DINAS KOMUNIKASI DAN INFORMATIKA',
  lines: ['Jalan Merdeka Nomor 12, Kode Pos : 75111', 'Telp. (0541) 741234 Fax. (0541) 741235', 'Laman : diskominfo.kotauji.go.id Pos-el : diskominfo@kotauji.go.id'],
};
const BASE: LintasInstansiLetterBase = {
  kop: KOP_DISKOMINFO,
  issuedAt: new Date('2026-11-26T02:00:00Z'),
  nomor: '800.1.11.1/0240/Diskominfo/2026',
  tempatTanggal: 'Kota Uji, 26 November 2026',
  signer: { name: 'Ir. Hendra Gunawan, M.T.', nip: '197003121996031004', pangkat: 'Pembina Utama Muda', golongan: 'IV/c', jabatan: 'Kepala Dinas Komunikasi dan Informatika' },
  kepada: 'Pejabat yang Berwenang pada Pemerintah Kota Uji (Sekretaris Daerah Kota Uji)',
  tembusan: ['Pejabat Penilai Kinerja yang bersangkutan.'],
  team: 'Tim Statistik Sektoral',
  ownerUnit: 'Bidang Statistik, Dinas Komunikasi dan Informatika',
  ownInstansi: 'Pemerintah Kota Uji',
  targetInstansi: 'Pemerintah Kabupaten Lamandau',
};
const PERMOHONAN: PermohonanLintasInstansiInput = {
  ...BASE,
  dasar: [
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi;',
    'Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023 tentang Sistem Kerja pada Pemerintah Daerah untuk Penyederhanaan Birokrasi.',
  ],
  maksudTujuan: 'Menyelaraskan data statistik sektoral lintas daerah untuk kajian konektivitas Kalimantan',
  kompetensi: 'Statistik terapan dan pengolahan data spasial',
  ekspektasi: 'Satu set data konektivitas antardaerah yang tervalidasi dan terpublikasi',
  durasi: '1 Desember 2026 s.d. 31 Maret 2027',
  jumlah: 2,
};
const KE_PYB = { ...PERMOHONAN, diteruskanKepada: 'Pejabat yang Berwenang pada Pemerintah Kabupaten Lamandau' };
const SEKDA_UJI = { name: 'Drs. H. Rahmat Hidayat, M.Si.', nip: '196805101993031007', pangkat: 'Pembina Utama Madya', golongan: 'IV/d', jabatan: 'Sekretaris Daerah' };
const ANTAR_INSTANSI = {
  ...PERMOHONAN,
  kop: { ...KOP_DISKOMINFO, unit: 'SEKRETARIAT DAERAH' },
  nomor: '800.1.11.1/0115/Setda/2026',
  tempatTanggal: 'Kota Uji, 30 November 2026',
  signer: { ...SEKDA_UJI, atasNama: 'a.n. WALI KOTA UJI,' },
  kepada: 'Pejabat yang Berwenang pada Pemerintah Kabupaten Lamandau',
  tembusan: ['Wali Kota Uji (sebagai laporan);', 'Kepala Dinas Komunikasi dan Informatika Kota Uji.'],
  rujukan: { nomor: BASE.nomor, tanggal: '26 November 2026', pemohon: 'Kepala Dinas Komunikasi dan Informatika Kota Uji' },
};
const JAWABAN = {
  ...BASE,
  kop: { pemerintah: 'PEMERINTAH KABUPATEN LAMANDAU', unit: 'SEKRETARIAT DAERAH', lines: ['Jalan Batu Batanggui Nomor 1, Nanga Bulik, Kode Pos : 74162'] },
  nomor: '800.1.11.1/0377/Setda/2026',
  tempatTanggal: 'Nanga Bulik, 3 Desember 2026',
  signer: { name: 'Ir. Siti Aminah, M.Si.', nip: '197106061997032005', pangkat: 'Pembina Utama Muda', golongan: 'IV/c', jabatan: 'Sekretaris Daerah', atasNama: 'a.n. BUPATI LAMANDAU,' },
  kepada: 'Pejabat yang Berwenang pada Pemerintah Kota Uji (Sekretaris Daerah Kota Uji)',
  tembusan: ['Bupati Lamandau (sebagai laporan);', 'Kepala Dinas Komunikasi dan Informatika Kabupaten Lamandau.'],
  rujukan: { nomor: ANTAR_INSTANSI.nomor, tanggal: '30 November 2026' },
};
const DAFTAR = [
  { name: 'Yohanes Ardi, S.Si.', nip: '199204102019031005', jabatan: 'Statistisi Ahli Pertama', unit: 'Bidang Statistik, Dinas Komunikasi dan Informatika' },
  { name: 'Maria Ulfa, S.Kom., M.Kom.', nip: '198807232011012009', jabatan: 'Pranata Komputer Ahli Muda', unit: 'Bidang Persandian dan Statistik, Badan Perencanaan Pembangunan Daerah' },
  { name: 'Bayu Pratama', nip: '199512052020121003', jabatan: 'Pengolah Data dan Informasi', unit: 'Bidang Statistik, Dinas Komunikasi dan Informatika' },
];
const REASON = 'Statistisi pada Pemerintah Kabupaten Lamandau sedang ditugaskan penuh pada Sensus Ekonomi hingga Maret 2027.';
const COLUMNS = ['NO', 'NAMA', 'NIP', 'JABATAN', 'UNIT KERJA'];
const ITEMS = [
  `a. Maksud dan tujuan: ${PERMOHONAN.maksudTujuan};`,
  `b. Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: ${PERMOHONAN.kompetensi};`,
  `c. Ekspektasi/target kinerja: ${PERMOHONAN.ekspektasi};`,
  `d. Durasi pelibatan: ${PERMOHONAN.durasi}.`,
];
const DASAR = 'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi dan Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023 tentang Sistem Kerja pada Pemerintah Daerah untuk Penyederhanaan Birokrasi';

const lines = (page: string) => page.split('\n');
const prose = (pages: string[]) => joinWrapped(pages.flatMap(lines));
const count = (text: string, part: string) => text.split(part).length - 1;
const incomplete = (fields: string[]) => expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields } });

async function pdfOf(letter: LetterDocument) {
  const rendered = await renderLetter(letter, 'pdf', 'lintas-instansi');
  expect(rendered.mimeType).toBe('application/pdf');
  const pages = await pdfText(rendered.content);
  return { pages, lines: pages.flatMap(lines), text: prose(pages), items: await pdfTextItems(rendered.content) };
}
async function docxLinesOf(letter: LetterDocument) {
  const rendered = await renderLetter(letter, 'docx', 'lintas-instansi');
  expect(rendered.fileName).toBe('lintas-instansi.docx');
  return (await docxText(rendered.content)).split('\n');
}

describe('suratPermohonanKePyb', () => {
  it('asks the own PyB to forward the request to the other government, with the four items and the jumlah in words', async () => {
    const letter = suratPermohonanKePyb(KE_PYB);
    const { lines: pdfLines, text } = await pdfOf(letter);
    expect(pdfLines).toEqual(expect.arrayContaining([
      'PEMERINTAH KOTA UJI', 'Kota Uji, 26 November 2026', `Nomor : ${BASE.nomor}`, 'Sifat : Biasa', 'Lampiran : -', 'di', 'Tempat',
      'Ir. Hendra Gunawan, M.T.', 'Pembina Utama Muda (IV/c)', 'NIP. 197003121996031004', 'Tembusan :', `1. ${BASE.tembusan[0]}`,
    ]));
    expect(text).toContain(`Hal : Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja Yth. ${BASE.kepada} di Tempat Berdasarkan`);
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain(`Berdasarkan ${DASAR}, dengan ini kami mengajukan permohonan pelibatan Pejabat Fungsional dan/atau Pelaksana dari Pemerintah Kabupaten Lamandau dalam Tim Statistik Sektoral pada Bidang Statistik, Dinas Komunikasi dan Informatika, dengan jumlah 2 (dua) orang dan rincian sebagai berikut:`);
    expect(text).toContain(`${ITEMS.join(' ')} Sehubungan dengan hal tersebut, kami mohon Bapak/Ibu berkenan menyetujui dan meneruskan permohonan ini kepada Pejabat yang Berwenang pada Pemerintah Kabupaten Lamandau. Demikian kami sampaikan, atas perhatian dan perkenaan Bapak/Ibu kami ucapkan terima kasih. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA, Ir. Hendra Gunawan, M.T.`);
    expect(text).not.toContain('Tim Kerja Tim');
    expect(pdfLines.indexOf('NIP. 197003121996031004')).toBeGreaterThan(pdfLines.findIndex((line) => line.startsWith('Demikian')));

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([
      'Hal : Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja', `Yth. ${BASE.kepada}`, 'Lampiran : -', ...ITEMS,
      'Sehubungan dengan hal tersebut, kami mohon Bapak/Ibu berkenan menyetujui dan meneruskan permohonan ini kepada Pejabat yang Berwenang pada Pemerintah Kabupaten Lamandau.',
      `1. ${BASE.tembusan[0]}`,
    ]));
    expect(docx.join('\n')).toContain('dengan jumlah 2 (dua) orang dan rincian sebagai berikut:');
  });

  it('opens without a dasar, names a team without "Tim" as "Tim Kerja …", and prints a given "Yth." and "Nomor:" once', async () => {
    const letter = suratPermohonanKePyb({ ...KE_PYB, dasar: [], jumlah: 1, team: 'Satu Data', kepada: `Yth. ${BASE.kepada}`, nomor: `Nomor: ${BASE.nomor}` });
    const { lines: pdfLines, text } = await pdfOf(letter);
    expect(text).toContain('Tempat Dengan ini kami mengajukan permohonan pelibatan Pejabat Fungsional dan/atau Pelaksana dari Pemerintah Kabupaten Lamandau dalam Tim Kerja Satu Data pada Bidang Statistik, Dinas Komunikasi dan Informatika, dengan jumlah 1 (satu) orang dan rincian');
    expect(count(text, 'Yth.')).toBe(1);
    expect(pdfLines).toContain(`Nomor : ${BASE.nomor}`);
    expect(text).not.toMatch(/Nomor\s*:\s*Nomor/i);
    const docx = (await docxLinesOf(letter)).join('\n');
    expect(count(docx, 'Yth.')).toBe(1);
    expect(docx).not.toMatch(/Nomor\s*:\s*Nomor/i);
  });

  it('refuses a request that lacks one of the four items, the target government, where to forward it, or a count', () => {
    for (const field of ['maksudTujuan', 'kompetensi', 'ekspektasi', 'durasi', 'targetInstansi', 'diteruskanKepada'] as const) {
      expect(() => suratPermohonanKePyb({ ...KE_PYB, [field]: ' ' }), field).toThrow(incomplete([field]));
    }
    for (const jumlah of [0, -1, 1.5]) expect(() => suratPermohonanKePyb({ ...KE_PYB, jumlah }), String(jumlah)).toThrow(incomplete(['jumlah']));
  });
});

describe('suratPermohonanAntarInstansi', () => {
  it("asks the other government for the officials, citing the owner's letter, and asks for the answer with the list", async () => {
    const letter = suratPermohonanAntarInstansi(ANTAR_INSTANSI);
    const { pages, lines: pdfLines, text } = await pdfOf(letter);
    expect(pages.some((page) => page.includes('LAMPIRAN'))).toBe(false);
    expect(pdfLines).toEqual(expect.arrayContaining([
      'SEKRETARIAT DAERAH', 'Kota Uji, 30 November 2026', `Nomor : ${ANTAR_INSTANSI.nomor}`, 'Lampiran : -',
      'a.n. WALI KOTA UJI,', 'SEKRETARIS DAERAH,', 'Drs. H. Rahmat Hidayat, M.Si.', 'NIP. 196805101993031007',
      'Tembusan :', `1. ${ANTAR_INSTANSI.tembusan[0]}`, `2. ${ANTAR_INSTANSI.tembusan[1]}`,
    ]));
    expect(text).toContain('Hal : Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja Yth. Pejabat yang Berwenang pada Pemerintah Kabupaten Lamandau di Tempat');
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain(`Berdasarkan ${DASAR}, serta menindaklanjuti surat Kepala Dinas Komunikasi dan Informatika Kota Uji nomor ${BASE.nomor} tanggal 26 November 2026, hal Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja, dengan ini kami mohon kesediaan Bapak/Ibu untuk menugaskan Pejabat Fungsional dan/atau Pelaksana dari Pemerintah Kabupaten Lamandau agar dapat dilibatkan dalam Tim Statistik Sektoral pada Bidang Statistik, Dinas Komunikasi dan Informatika di lingkungan Pemerintah Kota Uji, dengan jumlah 2 (dua) orang dan rincian sebagai berikut:`);
    expect(text).toContain(`${ITEMS.join(' ')} Kami mohon kiranya Bapak/Ibu berkenan menyampaikan surat jawaban atas permohonan ini beserta daftar Pejabat Fungsional dan/atau Pelaksana yang ditugaskan, yang memuat nama, NIP, jabatan, dan unit kerja masing-masing. Demikian kami sampaikan, atas perhatian dan kerja sama Bapak/Ibu kami ucapkan terima kasih.`);

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([
      `Yth. ${ANTAR_INSTANSI.kepada}`, `Nomor : ${ANTAR_INSTANSI.nomor}`, ...ITEMS, 'a.n. WALI KOTA UJI,', `2. ${ANTAR_INSTANSI.tembusan[1]}`,
    ]));
    expect(docx.join('\n')).toContain(`nomor ${BASE.nomor} tanggal 26 November 2026, hal Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja, dengan ini kami mohon`);
  });

  it('starts from the reference when there is no dasar and writes a larger jumlah in words', async () => {
    const { text } = await pdfOf(suratPermohonanAntarInstansi({ ...ANTAR_INSTANSI, dasar: [], jumlah: 12, rujukan: { ...ANTAR_INSTANSI.rujukan, nomor: `Nomor : ${BASE.nomor}` } }));
    expect(text).toContain(`di Tempat Menindaklanjuti surat Kepala Dinas Komunikasi dan Informatika Kota Uji nomor ${BASE.nomor} tanggal 26 November 2026,`);
    expect(text).toContain('dengan jumlah 12 (dua belas) orang dan rincian sebagai berikut:');
  });

  it('refuses a request that lacks one of the four items, the reference, or a count', () => {
    for (const field of ['maksudTujuan', 'kompetensi', 'ekspektasi', 'durasi', 'targetInstansi'] as const) {
      expect(() => suratPermohonanAntarInstansi({ ...ANTAR_INSTANSI, [field]: '' }), field).toThrow(incomplete([field]));
    }
    for (const part of ['nomor', 'tanggal', 'pemohon'] as const) {
      expect(() => suratPermohonanAntarInstansi({ ...ANTAR_INSTANSI, rujukan: { ...ANTAR_INSTANSI.rujukan, [part]: ' ' } }), part).toThrow(incomplete([`rujukan.${part}`]));
    }
    expect(() => suratPermohonanAntarInstansi({ ...ANTAR_INSTANSI, jumlah: 0 })).toThrow(incomplete(['jumlah']));
  });
});

describe('suratJawabanAntarInstansi', () => {
  it('answers that the officials are available and lists them in the lampiran, in the order given', async () => {
    const letter = suratJawabanAntarInstansi({ ...JAWABAN, decision: { tersedia: true, daftar: DAFTAR } });
    const { pages, items } = await pdfOf(letter);
    expect(pages).toHaveLength(2);
    const first = lines(pages[0]!);
    const body = prose(pages.slice(0, 1));
    expect(first).toEqual(expect.arrayContaining([
      'PEMERINTAH KABUPATEN LAMANDAU', 'Nanga Bulik, 3 Desember 2026', `Nomor : ${JAWABAN.nomor}`, 'Lampiran : 1 (satu) berkas',
      'a.n. BUPATI LAMANDAU,', 'SEKRETARIS DAERAH,', 'Ir. Siti Aminah, M.Si.', 'NIP. 197106061997032005',
      'Tembusan :', `1. ${JAWABAN.tembusan[0]}`, `2. ${JAWABAN.tembusan[1]}`,
    ]));
    expect(body).toContain(`Hal : Jawaban permohonan pelibatan pegawai lintas instansi Yth. ${JAWABAN.kepada} di Tempat`);
    expect(count(body, 'Yth.')).toBe(1);
    expect(body).toContain(`Menindaklanjuti surat Bapak/Ibu nomor ${ANTAR_INSTANSI.nomor} tanggal 30 November 2026, hal Permohonan pelibatan pegawai lintas instansi dalam Tim Kerja, dengan ini kami sampaikan hal-hal sebagai berikut:`);
    expect(body).toContain('1. Kami menyetujui permohonan tersebut dan menugaskan 3 (tiga) orang Pejabat Fungsional dan/atau Pelaksana di lingkungan Pemerintah Kabupaten Lamandau yang bersesuaian dengan kriteria yang dibutuhkan untuk dilibatkan dalam Tim Statistik Sektoral pada Bidang Statistik, Dinas Komunikasi dan Informatika di lingkungan Pemerintah Kota Uji.');
    expect(body).toContain('2. Daftar Pejabat Fungsional dan/atau Pelaksana yang ditugaskan sebagaimana tercantum dalam Lampiran');
    expect(body).not.toContain('Alasan');

    const lampiran = lines(pages[1]!);
    expect(lampiran.slice(0, 3)).toEqual(['LAMPIRAN : SURAT BUPATI LAMANDAU', `NOMOR : ${JAWABAN.nomor}`, 'TANGGAL : 3 Desember 2026']);
    expect(prose(pages.slice(1))).toContain('Daftar Pejabat Fungsional dan/atau Pelaksana yang Ditugaskan dalam Tim Statistik Sektoral');
    expect(lampiran).toContain(COLUMNS.join(' '));
    expect(tableRows(items[1]!, COLUMNS, 'a.n. BUPATI')).toEqual(DAFTAR.map((row, index) => [String(index + 1), row.name, row.nip, row.jabatan, row.unit]));
    expect(lampiran.slice(-3)).toEqual(['Ir. Siti Aminah, M.Si.', 'Pembina Utama Muda (IV/c)', 'NIP. 197106061997032005']);

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([
      'Lampiran : 1 (satu) berkas', `Yth. ${JAWABAN.kepada}`, 'LAMPIRAN : SURAT BUPATI LAMANDAU', `NOMOR : ${JAWABAN.nomor}`, 'TANGGAL : 3 Desember 2026',
    ]));
    const header = docx.indexOf('UNIT KERJA');
    expect(docx.slice(header - 4, header + 1)).toEqual(COLUMNS);
    expect(docx.slice(header + 1, header + 1 + 5 * DAFTAR.length)).toEqual(DAFTAR.flatMap((row, index) => [String(index + 1), row.name, row.nip, row.jabatan, row.unit]));
  });

  it('answers that no official is available, quoting the reason, with no lampiran', async () => {
    const letter = suratJawabanAntarInstansi({ ...JAWABAN, signer: { ...JAWABAN.signer, atasNama: undefined }, decision: { tersedia: false, reason: REASON } });
    const { pages, lines: pdfLines, text } = await pdfOf(letter);
    expect(pages).toHaveLength(1);
    expect(pdfLines).toEqual(expect.arrayContaining(['Lampiran : -', 'SEKRETARIS DAERAH,', 'Ir. Siti Aminah, M.Si.', `1. ${JAWABAN.tembusan[0]}`]));
    expect(pdfLines).not.toContain('a.n. BUPATI LAMANDAU,');
    expect(text).toContain(`Hal : Jawaban permohonan pelibatan pegawai lintas instansi Yth. ${JAWABAN.kepada} di Tempat Menindaklanjuti`);
    expect(text).toContain(`Menindaklanjuti surat Bapak/Ibu nomor ${ANTAR_INSTANSI.nomor} tanggal 30 November 2026,`);
    expect(text).toContain('1. Pejabat Fungsional dan/atau Pelaksana di lingkungan Pemerintah Kabupaten Lamandau tidak tersedia untuk dilibatkan dalam Tim Statistik Sektoral pada Bidang Statistik, Dinas Komunikasi dan Informatika di lingkungan Pemerintah Kota Uji, sehingga kami tidak dapat memenuhi permohonan tersebut.');
    expect(text).toContain(`2. Alasan: ${REASON} Demikian kami sampaikan, atas perhatian Bapak/Ibu kami ucapkan terima kasih.`);
    expect(text).not.toContain('menyetujui');
    expect(text).not.toContain('LAMPIRAN');

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([`2. Alasan: ${REASON}`, 'Lampiran : -', `Yth. ${JAWABAN.kepada}`]));
    expect(docx).not.toContain('UNIT KERJA');
  });

  it('will not write an answer without its reason, an empty list, a listed official without NIP, or without the reference', () => {
    expect(() => suratJawabanAntarInstansi({ ...JAWABAN, decision: { tersedia: false, reason: '  ' } })).toThrow(incomplete(['reason']));
    expect(() => suratJawabanAntarInstansi({ ...JAWABAN, decision: { tersedia: true, daftar: [] } })).toThrow(incomplete(['daftar']));
    const withoutNip = DAFTAR.map((row, index) => (index === 1 ? { ...row, nip: '' } : row));
    expect(() => suratJawabanAntarInstansi({ ...JAWABAN, decision: { tersedia: true, daftar: withoutNip } })).toThrow(incomplete(['daftar[1].nip']));
    expect(() => suratJawabanAntarInstansi({ ...JAWABAN, rujukan: { ...JAWABAN.rujukan, nomor: '' }, decision: { tersedia: false, reason: REASON } }))
      .toThrow(incomplete(['rujukan.nomor']));
  });
});
