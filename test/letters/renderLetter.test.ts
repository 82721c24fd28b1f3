import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { LetterAttachment, LetterDocument, LetterSignature } from '../../src/core/letters/letterDocument';
import { renderLetter } from '../../src/core/letters/renderLetter';
import { docxText, pdfInfo, pdfText, pdfTextItems } from '../helpers/pdfText';
import { joinWrapped, tableRows } from '../helpers/pdfTable';

const KOP: LetterDocument['kop'] = {
  pemerintah: 'PEMERINTAH KOTA SAMARINDA',
  unit: 'DINAS KOMUNIKASI DAN INFORMATIKA',
  lines: ['Jalan Dahlia Nomor 81, Kode Pos : 75121', 'Telp. (0541) 733840 Fax. (0541) 733841', 'Laman : diskominfo.samarindakota.go.id Pos-el : diskominfo@samarindakota.go.id'],
};
const KEPALA_DINAS: LetterSignature = {
  placeDate: ['Ditetapkan di : Samarinda', 'pada tanggal : 27 November 2026'],
  jabatan: 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,',
  nama: 'Ir. RUSMADI WIJAYA, M.Si.',
  pangkat: 'Pembina Utama Muda (IV/c)',
  nip: '197503122000031004',
};
const NOMOR = '800.1.11.1/0123/Diskominfo/2026';
const DASAR = [
  'Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;',
  'Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang Pembentukan Daerah Tingkat II di Kalimantan;',
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja Pada Instansi Pemerintah Untuk Penyederhanaan Birokrasi;',
  'Peraturan Daerah Kota Samarinda Nomor 9 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Kota Samarinda;',
  'Peraturan Wali Kota Samarinda Nomor 38 Tahun 2021 tentang Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Perangkat Daerah.',
];
const COLUMNS = ['NO', 'SUB KEGIATAN', 'SASARAN SUB KEGIATAN', 'INDIKATOR SUB KEGIATAN', 'NAMA TIM', 'KETUA TIM', 'ANGGOTA TIM', 'TARGET KINERJA', 'SATUAN'];
const ROWS = [
  ['1', 'Pengelolaan Nama Domain yang Telah Ditetapkan oleh Pemerintah Pusat dan Sub Domain di Lingkungan Pemerintah Daerah Kabupaten/Kota', 'Terkelolanya nama domain dan sub domain perangkat daerah', 'Jumlah sub domain yang dikelola', 'Tim Pengelolaan Domain', 'Andi Pratama, S.Kom.', 'Rina Lestari, A.Md.; Yusuf Hidayat, S.T.', '45', 'Sub domain'],
  ['2', 'Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik', 'Meningkatnya indeks SPBE Kota Samarinda', 'Nilai indeks SPBE', 'Tim SPBE', 'Dewi Anggraini, S.T., M.T.', 'Fajar Nugroho, S.Kom.; Siti Aminah, S.E.', '3,5', 'Indeks'],
  ['3', 'Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah', 'Tersebarnya informasi publik', 'Jumlah konten informasi publik yang dipublikasikan', 'Tim Konten Publik', 'Hendra Saputra, S.I.Kom.', 'Maya Sari, S.Sos.', '240', 'Konten'],
];
const LAMPIRAN_1: LetterAttachment = {
  heading: ['LAMPIRAN 1 : SURAT TUGAS KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', `NOMOR : ${NOMOR}`, 'TANGGAL : 27 November 2026'],
  title: 'Format Penerapan Pembentukan Tim Kerja di Dinas Komunikasi dan Informatika',
  table: { columns: COLUMNS, rows: ROWS },
  signature: KEPALA_DINAS,
};

const suratTugas: LetterDocument = {
  issuedAt: new Date('2026-11-27T02:00:00Z'),
  kop: KOP,
  title: 'SURAT TUGAS',
  nomor: NOMOR,
  body: [
    { kind: 'list', label: 'Dasar', style: 'number', items: DASAR },
    { kind: 'heading', text: 'MEMERINTAHKAN :' },
    { kind: 'list', label: 'Kepada', style: 'number', items: ['Para Pejabat Fungsional dan pelaksana yang tercantum dalam Surat Perintah ini sebagai Tim Kerja/Individu di Lingkungan Dinas Komunikasi dan Informatika Kota Samarinda.'] },
    { kind: 'list', label: 'Untuk', style: 'number', items: [
      'Menjadi Ketua Tim dan atau Anggota Tim Kerja di Lingkungan Dinas Komunikasi dan Informatika sesuai dengan penugasan yang diberikan oleh Kepala Perangkat Daerah (terlampir);',
      'Ketua Tim mengampu sasaran (Output) dalam Cascading Kinerja Perangkat Daerah dan menyusun Rencana Aksi selama tahun anggaran berjalan;',
      'Anggota Tim menyusun rencana kerja individu dan melaporkan hasil kinerjanya kepada Ketua Tim.',
    ] },
  ],
  signature: KEPALA_DINAS,
  tembusan: ['Wali Kota Samarinda (sebagai laporan);', 'Kepala Bagian Organisasi Setda Kota Samarinda.'],
  attachments: [LAMPIRAN_1],
};

const REASON = 'Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki tidak sesuai dengan kebutuhan dalam Tim Kerja SPBE pada Dinas Komunikasi dan Informatika Kota Samarinda.';
const penolakan: LetterDocument = {
  issuedAt: new Date('2026-11-27T02:00:00Z'),
  kop: KOP,
  nomor: '800.1.11.1/0456/Diskominfo/2026',
  tempatTanggal: 'Samarinda, 27 November 2026',
  header: { sifat: 'Biasa', lampiran: '-', hal: 'Tidak setuju pelibatan dalam Tim Kerja' },
  kepada: ['Sdr. Rudi Hartono, S.Kom.'],
  body: [
    { kind: 'paragraph', text: 'Menindaklanjuti surat Saudara tanggal 10 November 2026, hal Permohonan pelibatan dalam Tim Kerja, setelah dilakukan verifikasi oleh Ketua Tim Kerja, maka dengan ini kami sampaikan hal-hal sebagai berikut :' },
    { kind: 'list', style: 'number', items: [REASON, 'Atas rekomendasi dari Ketua Tim Kerja tersebut, kami tidak menyetujui permohonan Saudara untuk dilibatkan dalam Tim Kerja SPBE.'] },
    { kind: 'paragraph', text: 'Demikian kami sampaikan, atas perhatiannya kami ucapkan terima kasih.' },
  ],
  signature: { ...KEPALA_DINAS, placeDate: undefined },
  tembusan: ['Kepala Bagian Organisasi Setda Kota Samarinda.'],
  attachments: [],
};

const lines = (page: string) => page.split('\n');
const allLines = (pages: string[]) => pages.flatMap(lines);
/** One page's text as flowing prose, so a wrapped sentence can be found whole. */
const prose = (page: string) => joinWrapped(lines(page));


describe('renderLetter', () => {
  it('renders the Surat Tugas as PDF with its kop, title, Dasar items, signature, tembusan and lampiran', async () => {
    const rendered = await renderLetter(suratTugas, 'pdf', 'surat-tugas 0123/2026');
    expect(rendered).toMatchObject({ fileName: 'surat-tugas_0123_2026.pdf', mimeType: 'application/pdf' });
    expect(await pdfInfo(rendered.content)).toMatchObject({ Title: 'SURAT TUGAS', Author: 'DINAS KOMUNIKASI DAN INFORMATIKA' });
    const pages = await pdfText(rendered.content);
    const lampiranAt = pages.findIndex((page) => page.startsWith('LAMPIRAN 1 : SURAT TUGAS'));
    expect(lampiranAt).toBeGreaterThan(0);
    const letterLines = allLines(pages.slice(0, lampiranAt));

    expect(letterLines.slice(0, 3)).toEqual(['PEMERINTAH KOTA SAMARINDA', 'DINAS KOMUNIKASI DAN INFORMATIKA', KOP!.lines[0]]);
    expect(letterLines).toContain('SURAT TUGAS');
    expect(letterLines).toContain(`NOMOR : ${NOMOR}`);
    expect(letterLines.some((line) => line.startsWith('Dasar : 1. Undang-Undang Nomor 5 Tahun 2014'))).toBe(true);
    for (const [index, item] of DASAR.entries()) {
      const start = `${index + 1}. ${item.split(' ').slice(0, 5).join(' ')}`;
      expect(letterLines.some((line) => line.includes(start)), start).toBe(true);
    }
    expect(letterLines).toContain('MEMERINTAHKAN :');
    expect(letterLines.some((line) => line.startsWith('Kepada : Para Pejabat Fungsional'))).toBe(true);
    expect(letterLines.some((line) => line.startsWith('Untuk : 1. Menjadi Ketua Tim'))).toBe(true);
    expect(letterLines).toEqual(expect.arrayContaining([
      'Ditetapkan di : Samarinda', 'pada tanggal : 27 November 2026', 'Ir. RUSMADI WIJAYA, M.Si.',
      'Pembina Utama Muda (IV/c)', 'NIP. 197503122000031004', 'Tembusan :', '1. Wali Kota Samarinda (sebagai laporan);',
      '2. Kepala Bagian Organisasi Setda Kota Samarinda.',
    ]));
    expect(letterLines.indexOf('Tembusan :')).toBeGreaterThan(letterLines.indexOf('NIP. 197503122000031004'));
    expect(letterLines.join('\n')).not.toContain('LAMPIRAN 1');

    const lampiran = lines(pages[lampiranAt]!);
    expect(lampiran.slice(0, 5)).toEqual([
      'LAMPIRAN 1 : SURAT TUGAS KEPALA DINAS', 'KOMUNIKASI DAN INFORMATIKA', `NOMOR : ${NOMOR}`, 'TANGGAL : 27 November 2026', LAMPIRAN_1.title,
    ]);
    expect(lampiran).toContain(COLUMNS.join(' '));
    expect(lampiran).not.toContain('Tembusan :');
    // every lampiran page carries the table (with its header), so the signature never stands alone
    const lampiranPages = (await pdfTextItems(rendered.content)).slice(lampiranAt);
    expect(lampiranPages.flatMap((items) => tableRows(items, COLUMNS, 'Ditetapkan di'))).toEqual(ROWS);
    expect(allLines(pages.slice(lampiranAt)).slice(-3)).toEqual(['Ir. RUSMADI WIJAYA, M.Si.', 'Pembina Utama Muda (IV/c)', 'NIP. 197503122000031004']);
  });

  it('renders the refusal letter with its header block, addressee and the reason', async () => {
    const rendered = await renderLetter(penolakan, 'pdf', 'penolakan');
    expect(await pdfInfo(rendered.content)).toMatchObject({ Title: 'Tidak setuju pelibatan dalam Tim Kerja', Author: 'DINAS KOMUNIKASI DAN INFORMATIKA' });
    const pages = await pdfText(rendered.content);
    expect(pages).toHaveLength(1);
    const page = lines(pages[0]!);
    expect(page).toEqual(expect.arrayContaining([
      'Samarinda, 27 November 2026', 'Nomor : 800.1.11.1/0456/Diskominfo/2026', 'Sifat : Biasa', 'Lampiran : -',
      'Hal : Tidak setuju pelibatan dalam Tim Kerja', 'Yth. Sdr. Rudi Hartono, S.Kom.', 'di', 'Tempat',
      'NIP. 197503122000031004', 'Tembusan :', '1. Kepala Bagian Organisasi Setda Kota Samarinda.',
    ]));
    expect(page.indexOf('Yth. Sdr. Rudi Hartono, S.Kom.')).toBeGreaterThan(page.indexOf('Hal : Tidak setuju pelibatan dalam Tim Kerja'));
    expect(prose(pages[0]!)).toContain(`1. ${REASON}`);
    const items = (await pdfTextItems(rendered.content))[0]!;
    const place = items.find((item) => item.str === 'Samarinda, 27 November 2026')!;
    expect(place.x + place.width).toBeCloseTo(595.28 - 70.87, 0);
  });

  it('flows 60 paragraphs onto further pages without losing or overlapping any', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) =>
      `Paragraf ke-${i + 1} menguraikan rincian pelaksanaan kegiatan tim kerja, pembagian peran anggota tim, dan jadwal pelaporan kinerja kepada Pejabat Penilai Kinerja.`);
    const mengetahui: LetterSignature = { jabatan: 'SEKRETARIS DAERAH,', nama: 'Dra. HJ. SITI RAHMAWATI', nip: '196804141990032005' };
    const letter: LetterDocument = { ...penolakan, signature: KEPALA_DINAS, mengetahui, body: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })) };
    const rendered = await renderLetter(letter, 'pdf', 'panjang');
    const pages = await pdfText(rendered.content);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const starts = allLines(pages).filter((line) => line.startsWith('Paragraf ke-')).map((line) => line.split(' ')[1]);
    expect(starts).toEqual(paragraphs.map((_, i) => `ke-${i + 1}`));
    const text = pages.map(prose).join(' ');
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    expect(allLines(pages)).toContain(`${mengetahui.nama} ${KEPALA_DINAS.nama}`);
    for (const items of await pdfTextItems(rendered.content)) {
      const baselines = [...new Set(items.map((item) => Math.round(item.y)))].sort((a, b) => b - a);
      for (let i = 1; i < baselines.length; i += 1) expect(baselines[i - 1]! - baselines[i]!).toBeGreaterThanOrEqual(10);
      for (const item of items) expect(item.y).toBeGreaterThan(70.87 - 1);
    }
  });

  it('repeats the lampiran table header on every page a long table continues on', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [String(i + 1), ...ROWS[i % 3]!.slice(1)]);
    const letter: LetterDocument = { ...suratTugas, attachments: [{ ...LAMPIRAN_1, table: { columns: COLUMNS, rows } }] };
    const pages = await pdfText((await renderLetter(letter, 'pdf', 'lampiran-panjang')).content);
    const lampiranPages = pages.slice(pages.findIndex((page) => page.startsWith('LAMPIRAN 1')));
    expect(lampiranPages.length).toBeGreaterThanOrEqual(3);
    for (const page of lampiranPages.slice(0, -1)) expect(lines(page)).toContain(COLUMNS.join(' '));
    const numbers = lampiranPages.flatMap(lines).map((line) => line.split(' ')[0]).filter((word) => /^\d+$/.test(word!));
    expect(numbers).toEqual(expect.arrayContaining(rows.map((row) => row[0])));
  });

  it('renders the same key lines as editable DOCX, with the lampiran in its own landscape section', async () => {
    const rendered = await renderLetter(suratTugas, 'docx', 'surat-tugas');
    expect(rendered.fileName).toBe('surat-tugas.docx');
    expect(rendered.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = (await docxText(rendered.content)).split('\n');
    expect(text).toEqual(expect.arrayContaining([
      'PEMERINTAH KOTA SAMARINDA', 'DINAS KOMUNIKASI DAN INFORMATIKA', 'SURAT TUGAS', `NOMOR : ${NOMOR}`,
      `Dasar : 1. ${DASAR[0]}`, ...DASAR.slice(1).map((item, i) => `${i + 2}. ${item}`), 'MEMERINTAHKAN :',
      'Ditetapkan di : Samarinda', 'Ir. RUSMADI WIJAYA, M.Si.', 'NIP. 197503122000031004', 'Tembusan :',
      '1. Wali Kota Samarinda (sebagai laporan);', LAMPIRAN_1.heading[0], LAMPIRAN_1.title, ...COLUMNS, ...ROWS.flat(),
    ]));
    expect(text.indexOf(LAMPIRAN_1.heading[0]!)).toBeGreaterThan(text.indexOf('Tembusan :'));
    const xml = await (await JSZip.loadAsync(rendered.content)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('<w:tblHeader/>');

    const refusal = (await docxText((await renderLetter(penolakan, 'docx', 'penolakan')).content)).split('\n');
    expect(refusal).toEqual(expect.arrayContaining([
      'Samarinda, 27 November 2026', 'Nomor : 800.1.11.1/0456/Diskominfo/2026', 'Hal : Tidak setuju pelibatan dalam Tim Kerja',
      'Yth. Sdr. Rudi Hartono, S.Kom.', 'di', 'Tempat', `1. ${REASON}`,
    ]));
  });
});
