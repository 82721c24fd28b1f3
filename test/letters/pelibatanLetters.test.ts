import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/core/letters/letterDocument';
import {
  skTimKerja, suratJawabanPelibatan, suratPermohonanPelibatan, terbilang, type PelibatanLetterBase, type SkTimKerjaInput,
} from '../../src/core/letters/pelibatanLetters';
import { renderLetter } from '../../src/core/letters/renderLetter';
import { docxText, pdfText, pdfTextItems } from '../helpers/pdfText';
import { joinWrapped, tableRows } from '../helpers/pdfTable';

const KOP: NonNullable<LetterDocument['kop']> = {
  pemerintah: 'PEMERINTAH KOTA UJI',
  unit: 'DINAS KOMUNIKASI DAN INFORMATIKA',
  lines: ['Jalan Merdeka Nomor 12, Kode Pos : 75111', 'Telp. (0541) 741234 Fax. (0541) 741235', 'Laman : diskominfo.kotauji.go.id Pos-el : diskominfo@kotauji.go.id'],
};
const KABID_STATISTIK = { name: 'Dra. Sri Wahyuni, M.Si.', nip: '197205141998032006', pangkat: 'Pembina', golongan: 'IV/a', jabatan: 'Kepala Bidang Statistik' };
const BASE: PelibatanLetterBase = {
  kop: KOP,
  issuedAt: new Date('2026-11-26T02:00:00Z'),
  nomor: '800.1.11.1/0217/Diskominfo/2026',
  tempatTanggal: 'Kota Uji, 26 November 2026',
  person: { name: 'Rina Lestari, S.Kom.', nip: '199003152015032004', pangkat: 'Penata', golongan: 'III/c', jabatan: 'Pranata Komputer Ahli Muda' },
  personUnit: 'Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika',
  jumlah: 1,
  team: 'Satu Data Kota Uji',
  ownerUnit: 'Bidang Statistik, Dinas Komunikasi dan Informatika',
  signer: KABID_STATISTIK,
  tembusan: ['Kepala Dinas Komunikasi dan Informatika (sebagai laporan);', 'Pejabat Penilai Kinerja yang bersangkutan.'],
};
const PERMOHONAN = {
  ...BASE,
  kepada: 'Kepala Bidang Aplikasi Informatika (Kabid Aptika Uji)',
  dasar: [
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi;',
    'Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023 tentang Sistem Kerja pada Pemerintah Daerah untuk Penyederhanaan Birokrasi.',
  ],
  maksudTujuan: 'Menyusun dan memutakhirkan portal Satu Data Kota Uji agar data sektoral dapat diakses publik',
  kompetensi: 'Pengelolaan basis data dan pengembangan aplikasi berbasis web',
  ekspektasi: 'Portal Satu Data memuat 120 set data sektoral yang tervalidasi',
  durasi: '26 November 2026 s.d. 31 Desember 2026',
  jumlah: 2,
};
const REASON = 'Yang bersangkutan sedang ditugaskan penuh pada migrasi pusat data hingga akhir Desember 2026; kami tawarkan kembali pada Januari 2027.';
const JAWABAN = {
  ...BASE,
  nomor: '800.1.11.1/0231/Diskominfo/2026',
  tempatTanggal: 'Kota Uji, 30 November 2026',
  kepada: 'Kepala Bidang Statistik (Kabid Statistik Uji)',
  signer: { name: 'Agus Salim, S.T., M.T.', nip: '197811202003121002', pangkat: 'Pembina', golongan: 'IV/a', jabatan: 'Kepala Bidang Aplikasi Informatika' },
  requestNomor: '800.1.11.1/0217/Diskominfo/2026',
  requestDate: '26 November 2026',
};
const MEMBERS: SkTimKerjaInput['members'] = [
  { name: 'Yusuf Hidayat, S.T.', nip: '199107222019031008', jabatan: 'Statistisi Ahli Pertama', unit: 'Bidang Statistik', peran: 'Anggota' },
  { name: 'Dewi Anggraini, S.Si., M.Stat.', nip: '198504112010012015', jabatan: 'Statistisi Ahli Muda', unit: 'Bidang Statistik', peran: 'Ketua' },
  { name: 'Rina Lestari, S.Kom.', nip: '199003152015032004', jabatan: 'Pranata Komputer Ahli Muda', unit: 'Bidang Aplikasi Informatika', peran: 'Anggota' },
];
const SK: SkTimKerjaInput = {
  kop: { ...KOP, pemerintah: 'PEMERINTAH KABUPATEN LAMANDAU' },
  issuedAt: new Date('2026-12-02T02:00:00Z'),
  nomor: '800.1.11.1/045/Diskominfo/2026',
  place: 'Nanga Bulik',
  date: '2 Desember 2026',
  signer: { name: 'Ir. Bambang Sutrisno, M.M.', nip: '196909091995031003', pangkat: 'Pembina Utama Muda', golongan: 'IV/c', jabatan: 'Kepala Dinas Komunikasi dan Informatika' },
  team: 'Satu Data',
  ownerUnit: 'Bidang Statistik',
  dasar: [
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi;',
    'Peraturan Bupati Lamandau tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Lamandau.',
  ],
  maksudTujuan: 'Mempercepat penyelenggaraan Satu Data di Kabupaten Lamandau',
  period: '2 Desember 2026 s.d. 31 Desember 2027',
  members: MEMBERS,
  tembusan: ['Bupati Lamandau (sebagai laporan).'],
};

const lines = (page: string) => page.split('\n');
const prose = (pages: string[]) => joinWrapped(pages.flatMap(lines));
const count = (text: string, part: string) => text.split(part).length - 1;

async function pdfOf(letter: LetterDocument) {
  const rendered = await renderLetter(letter, 'pdf', 'pelibatan');
  expect(rendered.mimeType).toBe('application/pdf');
  const pages = await pdfText(rendered.content);
  return { pages, lines: pages.flatMap(lines), text: prose(pages), items: await pdfTextItems(rendered.content) };
}
const docxLinesOf = async (letter: LetterDocument) => (await docxText((await renderLetter(letter, 'docx', 'pelibatan')).content)).split('\n');

describe('terbilang', () => {
  it('writes counts in words as letters do', () => {
    expect(Array.from({ length: 20 }, (_, i) => terbilang(i + 1))).toEqual([
      'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh',
      'sebelas', 'dua belas', 'tiga belas', 'empat belas', 'lima belas', 'enam belas', 'tujuh belas', 'delapan belas', 'sembilan belas', 'dua puluh',
    ]);
    expect([21, 100, 115, 250, 1000, 1999, 12_500].map(terbilang)).toEqual([
      'dua puluh satu', 'seratus', 'seratus lima belas', 'dua ratus lima puluh', 'seribu', 'seribu sembilan ratus sembilan puluh sembilan', 'dua belas ribu lima ratus',
    ]);
    expect(() => terbilang(1.5)).toThrow(RangeError);
  });
});

describe('suratPermohonanPelibatan', () => {
  it('asks for the official with the four mandatory items of §5.7, the jumlah in words and the dasar in one sentence', async () => {
    const { lines: pdfLines, text } = await pdfOf(suratPermohonanPelibatan(PERMOHONAN));
    expect(pdfLines).toEqual(expect.arrayContaining([
      'PEMERINTAH KOTA UJI', 'Kota Uji, 26 November 2026', `Nomor : ${BASE.nomor}`, 'Sifat : Biasa', 'Lampiran : -',
      'Hal : Permohonan pelibatan dalam Tim Kerja', 'di', 'Tempat',
      'Nama : Rina Lestari, S.Kom.', 'NIP : 199003152015032004', 'Pangkat/Gol. : Penata (III/c)', 'Jabatan : Pranata Komputer Ahli Muda',
      `Unit Kerja : ${BASE.personUnit}`, 'dengan rincian permohonan sebagai berikut:',
      'Dra. Sri Wahyuni, M.Si.', 'Pembina (IV/a)', 'NIP. 197205141998032006', 'Tembusan :', `1. ${BASE.tembusan[0]}`, `2. ${BASE.tembusan[1]}`,
    ]));
    expect(text).toContain(`Hal : Permohonan pelibatan dalam Tim Kerja Yth. ${PERMOHONAN.kepada} di Tempat Berdasarkan`);
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain('Berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi dan Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023 tentang Sistem Kerja pada Pemerintah Daerah untuk Penyederhanaan Birokrasi, dengan ini kami menyampaikan permohonan penugasan pejabat Saudara dalam Tim Kerja Satu Data Kota Uji pada Bidang Statistik, Dinas Komunikasi dan Informatika, dengan jumlah 2 (dua) orang, di antaranya:');
    expect(text).toContain(`a. Maksud dan tujuan: ${PERMOHONAN.maksudTujuan}; b. Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: ${PERMOHONAN.kompetensi}; c. Ekspektasi/target kinerja: ${PERMOHONAN.ekspektasi}; d. Durasi pelibatan: ${PERMOHONAN.durasi}.`);
    expect(text).toContain('Demikian kami sampaikan, atas perhatian dan perkenaan Bapak/Ibu kami ucapkan terima kasih.');
    // the closing comes after the items, the signature after the closing
    expect(text.indexOf('Demikian kami sampaikan')).toBeGreaterThan(text.indexOf('d. Durasi pelibatan'));
    expect(pdfLines.indexOf('NIP. 197205141998032006')).toBeGreaterThan(pdfLines.findIndex((line) => line.startsWith('Demikian')));
  });

  it('writes one official as "1 (satu) orang, yaitu:", leaves out an unknown pangkat and never doubles a given "Yth."', async () => {
    const letter = suratPermohonanPelibatan({
      ...PERMOHONAN, jumlah: 1, kepada: 'Yth. Kepala Bidang Aplikasi Informatika (Kabid Aptika Uji)',
      person: { ...BASE.person!, pangkat: null, golongan: null }, dasar: [PERMOHONAN.dasar[0]!],
    });
    const { text } = await pdfOf(letter);
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain(`Yth. ${PERMOHONAN.kepada} di Tempat`);
    expect(text).toContain('dengan jumlah 1 (satu) orang, yaitu:');
    expect(text).toContain('Penyederhanaan Birokrasi, dengan ini kami menyampaikan');
    expect(text).not.toContain('Pangkat/Gol.');

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([
      'Hal : Permohonan pelibatan dalam Tim Kerja', `Yth. ${PERMOHONAN.kepada}`, 'Nama : Rina Lestari, S.Kom.',
      `Unit Kerja : ${BASE.personUnit}`, `a. Maksud dan tujuan: ${PERMOHONAN.maksudTujuan};`, `d. Durasi pelibatan: ${PERMOHONAN.durasi}.`,
    ]));
    expect(count(docx.join('\n'), 'Yth.')).toBe(1);
  });

  it('asks a unit for a number of officials it nominates, without naming anyone', async () => {
    const letter = suratPermohonanPelibatan({ ...PERMOHONAN, person: null, jumlah: 3 });
    const { text } = await pdfOf(letter);
    expect(text).toContain('dalam Tim Kerja Satu Data Kota Uji pada Bidang Statistik, Dinas Komunikasi dan Informatika, dengan jumlah 3 (tiga) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika yang Saudara tunjuk sesuai dengan kriteria di bawah ini, dengan rincian permohonan sebagai berikut:');
    expect(text).toContain(`b. Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: ${PERMOHONAN.kompetensi};`);
    expect(text).not.toContain('Nama :');
    expect(text).not.toContain('Rina Lestari');
  });

  it('refuses to build a request that lacks one of the mandatory items or a count', () => {
    expect(() => suratPermohonanPelibatan({ ...PERMOHONAN, kompetensi: '  ' })).toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields: ['kompetensi'] } }));
    expect(() => suratPermohonanPelibatan({ ...PERMOHONAN, jumlah: 0 })).toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE' }));
  });
});

describe('suratJawabanPelibatan', () => {
  it('states a refusal and quotes its reason verbatim', async () => {
    const letter = suratJawabanPelibatan({ ...JAWABAN, decision: { approved: false, reason: REASON } });
    const { pages, lines: pdfLines, text } = await pdfOf(letter);
    expect(pages).toHaveLength(1);
    expect(pdfLines).toEqual(expect.arrayContaining([
      'Kota Uji, 30 November 2026', `Nomor : ${JAWABAN.nomor}`, 'Sifat : Biasa', 'Lampiran : -', `Yth. ${JAWABAN.kepada}`,
      'Agus Salim, S.T., M.T.', 'NIP. 197811202003121002', 'Tembusan :',
    ]));
    expect(text).toContain('Hal : Jawaban permohonan pelibatan dalam Tim Kerja Yth.');
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain(`Menindaklanjuti surat Saudara nomor ${JAWABAN.requestNomor} tanggal 26 November 2026, hal Permohonan pelibatan dalam Tim Kerja`);
    expect(text).toContain('1. Kami tidak dapat menyetujui pelibatan Rina Lestari, S.Kom., NIP 199003152015032004, Pranata Komputer Ahli Muda pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika, dalam Tim Kerja Satu Data Kota Uji pada Bidang Statistik, Dinas Komunikasi dan Informatika.');
    expect(text).toContain(`2. Alasan: ${REASON}`);
    expect(text).not.toContain('Kami menyetujui');
    expect(text).not.toContain('Surat penugasan');

    expect(await docxLinesOf(letter)).toEqual(expect.arrayContaining([`2. Alasan: ${REASON}`, `Yth. ${JAWABAN.kepada}`]));
  });

  it('refuses a request for a number of officials by that number and the unit', async () => {
    const { text } = await pdfOf(suratJawabanPelibatan({ ...JAWABAN, person: null, jumlah: 2, decision: { approved: false, reason: REASON } }));
    expect(text).toContain('1. Kami tidak dapat menyetujui pelibatan 2 (dua) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika, dalam Tim Kerja Satu Data Kota Uji');
    expect(text).toContain(`2. Alasan: ${REASON}`);
  });

  it('approves a request for a number of officials by naming the ones the unit nominated', async () => {
    const other = { name: 'Budi Santoso, S.T.', nip: '198802022012121001', pangkat: 'Penata', golongan: 'III/c', jabatan: 'Pranata Komputer Ahli Pertama' };
    const { text } = await pdfOf(suratJawabanPelibatan({ ...JAWABAN, person: null, jumlah: 3, decision: { approved: true, ditunjuk: [BASE.person!, other] } }));
    expect(text).toContain('1. Kami menyetujui pelibatan 2 (dua) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika yang kami tunjuk, yaitu Rina Lestari, S.Kom., NIP 199003152015032004, Pranata Komputer Ahli Muda; dan Budi Santoso, S.T., NIP 198802022012121001, Pranata Komputer Ahli Pertama, dalam Tim Kerja Satu Data Kota Uji');
    expect(() => suratJawabanPelibatan({ ...JAWABAN, person: null, jumlah: 3, decision: { approved: true } })).toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE' }));
  });

  it('will not write a refusal without a reason', () => {
    expect(() => suratJawabanPelibatan({ ...JAWABAN, decision: { approved: false, reason: ' ' } }))
      .toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields: ['reason'] } }));
  });

  it('states an approval, announces the surat penugasan, and answers a request that came without a letter number', async () => {
    const { text } = await pdfOf(suratJawabanPelibatan({ ...JAWABAN, requestNomor: null, decision: { approved: true } }));
    expect(text).toContain('Menindaklanjuti permohonan Saudara tanggal 26 November 2026, hal Permohonan pelibatan dalam Tim Kerja, dengan ini kami sampaikan hal-hal sebagai berikut:');
    expect(text).not.toContain('nomor');
    expect(text).toContain('1. Kami menyetujui pelibatan Rina Lestari, S.Kom., NIP 199003152015032004, Pranata Komputer Ahli Muda pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika, dalam Tim Kerja Satu Data Kota Uji pada Bidang Statistik, Dinas Komunikasi dan Informatika.');
    expect(text).toContain('2. Surat penugasan bagi yang bersangkutan disampaikan bersama surat ini.');
    expect(text).not.toContain('tidak dapat menyetujui');
    expect(text).not.toContain('Alasan');
  });
});

const COLUMNS = ['NO', 'NAMA', 'NIP', 'JABATAN', 'UNIT KERJA', 'KEDUDUKAN DALAM TIM'];


describe('skTimKerja', () => {
  it('renders the Keputusan with its considerations, diktum and signature, and the composition as lampiran', async () => {
    const { pages, lines: pdfLines, items } = await pdfOf(skTimKerja(SK));
    const lampiranAt = pages.findIndex((page) => page.startsWith('LAMPIRAN : KEPUTUSAN'));
    expect(lampiranAt).toBeGreaterThan(0);
    const decree = prose(pages.slice(0, lampiranAt));
    const decreeLines = pages.slice(0, lampiranAt).flatMap(lines);

    expect(decreeLines).toEqual(expect.arrayContaining([
      'PEMERINTAH KABUPATEN LAMANDAU', 'KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', `NOMOR : ${SK.nomor}`, 'TENTANG',
      'TIM KERJA SATU DATA PADA BIDANG STATISTIK', 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,', 'MEMUTUSKAN :',
      'Ditetapkan di : Nanga Bulik', 'pada tanggal : 2 Desember 2026', 'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,',
      'Ir. Bambang Sutrisno, M.M.', 'Pembina Utama Muda (IV/c)', 'NIP. 196909091995031003', 'Tembusan :', '1. Bupati Lamandau (sebagai laporan).',
    ]));
    expect(decree).toContain('Menimbang : bahwa untuk mempercepat penyelenggaraan Satu Data di Kabupaten Lamandau, perlu menetapkan Tim Kerja Satu Data pada Bidang Statistik;');
    expect(decree).toContain(`Mengingat : 1. ${SK.dasar[0]} 2. Peraturan Bupati Lamandau tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Lamandau;`);
    expect(decree).toContain('Menetapkan : KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA TENTANG TIM KERJA SATU DATA PADA BIDANG STATISTIK.');
    expect(decree).toContain('KESATU : Susunan Tim Kerja Satu Data pada Bidang Statistik sebagaimana tercantum dalam Lampiran');
    expect(decree).toContain('KEDUA : Tim Kerja sebagaimana dimaksud dalam Diktum KESATU bertugas melaksanakan ekspektasi/target kinerja');
    expect(decree).toContain('melaporkan hasil kinerjanya kepada Ketua Tim');
    expect(decree).toContain('KETIGA : Keputusan ini berlaku selama 2 Desember 2026 s.d. 31 Desember 2027.');
    expect(decree.indexOf('Menimbang')).toBeLessThan(decree.indexOf('Mengingat'));
    expect(decree.indexOf('MEMUTUSKAN')).toBeLessThan(decree.indexOf('KESATU'));
    expect(decree).not.toContain('LAMPIRAN');

    const lampiran = lines(pages[lampiranAt]!);
    const nomorAt = lampiran.indexOf(`NOMOR : ${SK.nomor}`);
    expect(joinWrapped(lampiran.slice(0, nomorAt))).toBe('LAMPIRAN : KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(lampiran[nomorAt + 1]).toBe('TANGGAL : 2 Desember 2026');
    expect(lampiran).toContain('Susunan Tim Kerja Satu Data');
    expect(lampiran).toContain(COLUMNS.join(' '));
    // the ketua heads the list, the anggota follow in the order given
    expect(items.slice(lampiranAt).flatMap((page) => tableRows(page, COLUMNS, 'Ditetapkan di'))).toEqual([
      ['1', 'Dewi Anggraini, S.Si., M.Stat.', '198504112010012015', 'Statistisi Ahli Muda', 'Bidang Statistik', 'Ketua'],
      ['2', 'Yusuf Hidayat, S.T.', '199107222019031008', 'Statistisi Ahli Pertama', 'Bidang Statistik', 'Anggota'],
      ['3', 'Rina Lestari, S.Kom.', '199003152015032004', 'Pranata Komputer Ahli Muda', 'Bidang Aplikasi Informatika', 'Anggota'],
    ]);
    expect(pdfLines.slice(-3)).toEqual(['Ir. Bambang Sutrisno, M.M.', 'Pembina Utama Muda (IV/c)', 'NIP. 196909091995031003']);
    expect(pdfLines.join('\n')).not.toMatch(/NOMOR\s*:\s*NOMOR/i);
  });

  it('prints a number given with its own "Nomor :" once, in the DOCX too', async () => {
    const letter = skTimKerja({ ...SK, nomor: `Nomor: ${SK.nomor}` });
    const { lines: pdfLines } = await pdfOf(letter);
    expect(pdfLines.join('\n')).not.toMatch(/NOMOR\s*:\s*NOMOR/i);
    expect(pdfLines.filter((line) => line === `NOMOR : ${SK.nomor}`)).toHaveLength(2);

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([
      'KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', `NOMOR : ${SK.nomor}`, 'MEMUTUSKAN :',
      'LAMPIRAN : KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA', 'Susunan Tim Kerja Satu Data', ...COLUMNS, ...MEMBERS.map((m) => m.name),
    ]));
    expect(docx.join('\n')).not.toMatch(/NOMOR\s*:\s*NOMOR/i);
  });

  it('names the principal in the title when a delegate signs "a.n.", and reports to the owner when the team has no ketua', () => {
    const letter = skTimKerja({
      ...SK,
      signer: { ...SK.signer, jabatan: 'Sekretaris Dinas Komunikasi dan Informatika', atasNama: 'a.n. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,' },
      members: MEMBERS.map((m) => ({ ...m, peran: 'Anggota' as const })),
    });
    expect(letter.title).toBe('KEPUTUSAN KEPALA DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(letter.signature).toMatchObject({ atasNama: 'a.n. KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,', jabatan: 'SEKRETARIS DINAS KOMUNIKASI DAN INFORMATIKA,' });
    const kedua = letter.body.find((block) => block.kind === 'list' && block.label === 'KEDUA');
    expect(kedua).toMatchObject({ items: [expect.stringContaining('melaporkan hasil kinerjanya kepada pemilik kinerja pada Bidang Statistik')] });
    expect(JSON.stringify(kedua)).not.toContain('Ketua Tim');
    expect(() => skTimKerja({ ...SK, members: [] })).toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE' }));
  });
});
