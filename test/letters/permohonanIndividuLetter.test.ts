import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/core/letters/letterDocument';
import { suratPermohonanIndividu, type PermohonanIndividuInput } from '../../src/core/letters/permohonanIndividuLetter';
import { renderLetter } from '../../src/core/letters/renderLetter';
import { joinWrapped } from '../helpers/pdfTable';
import { docxText, pdfText } from '../helpers/pdfText';

const APPLICANT = { name: 'Rina Lestari, S.Kom.', nip: '199003152015032004', pangkat: 'Penata', golongan: 'III/c', jabatan: 'Pranata Komputer Ahli Muda' };
const PENILAI = { name: 'Agus Salim, S.T., M.T.', nip: '197811202003121002', pangkat: 'Pembina', golongan: 'IV/a', jabatan: 'Kepala Bidang Statistik' };
const MOTIVASI = 'Saya berpengalaman tiga tahun mengelola basis data kepegawaian dan mengembangkan aplikasi layanan berbasis web; saya ingin membantu integrasi layanan SPBE agar data antarperangkat daerah dapat dipakai bersama.';
const INPUT: PermohonanIndividuInput = {
  issuedAt: new Date('2026-11-27T02:00:00Z'),
  tempatTanggal: 'Samarinda, 27 November 2026',
  dasar: 'Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023 tentang Sistem Kerja pada Pemerintah Daerah untuk Penyederhanaan Birokrasi',
  applicant: APPLICANT,
  instansiName: 'Pemerintah Kota Samarinda',
  kepada: 'Kepala Bidang Aplikasi Informatika (Kabid Aptika Uji)',
  team: 'SPBE',
  ownerUnit: 'Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika',
  motivasi: `  ${MOTIVASI}\n`,
  tembusan: ['Kepala Bagian Organisasi Setda Kota Samarinda;', 'Pejabat Penilai Kinerja yang bersangkutan;', 'Kepala Bidang Statistik.'],
};
const TEAM_SENTENCE = 'Dengan ini saya mengajukan permohonan pelibatan dalam Tim Kerja SPBE pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika, dengan kompetensi dan motivasi sebagai berikut:';
const CLOSING = 'Demikian permohonan ini saya sampaikan, atas perhatian dan perkenaan Bapak/Ibu saya ucapkan terima kasih.';

const count = (text: string, part: string) => text.split(part).length - 1;

async function pdfOf(letter: LetterDocument) {
  const rendered = await renderLetter(letter, 'pdf', 'permohonan-individu');
  expect(rendered.mimeType).toBe('application/pdf');
  const pages = await pdfText(rendered.content);
  const lines = pages.flatMap((page) => page.split('\n'));
  return { pages, lines, text: joinWrapped(lines) };
}
const docxLinesOf = async (letter: LetterDocument) => (await docxText((await renderLetter(letter, 'docx', 'permohonan-individu')).content)).split('\n');

describe('suratPermohonanIndividu', () => {
  it('writes format 1 without letterhead or agenda number: header, addressee, applicant, team, motivasi, "Pemohon," and tembusan', async () => {
    const { pages, lines, text } = await pdfOf(suratPermohonanIndividu(INPUT));
    expect(pages).toHaveLength(1);
    // no kop: the letter opens with its place and date
    expect(lines[0]).toBe('Samarinda, 27 November 2026');
    expect(lines).toEqual(expect.arrayContaining([
      'Nomor : -', 'Sifat : Biasa', 'Lampiran : -', 'Hal : Permohonan pelibatan dalam Tim Kerja', 'di', 'Tempat',
      'Nama : Rina Lestari, S.Kom.', 'NIP : 199003152015032004', 'Pangkat/Gol. : Penata (III/c)', 'Jabatan : Pranata Komputer Ahli Muda',
      'Instansi : Pemerintah Kota Samarinda', 'Pemohon,', 'Penata (III/c)', 'NIP. 199003152015032004', 'Tembusan :',
      `1. ${INPUT.tembusan[0]}`, `2. ${INPUT.tembusan[1]}`, `3. ${INPUT.tembusan[2]}`,
    ]));
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain(`Hal : Permohonan pelibatan dalam Tim Kerja Yth. ${INPUT.kepada} di Tempat Berdasarkan ${INPUT.dasar}, saya yang bertanda tangan di bawah ini: Nama :`);
    expect(text).toContain(`Instansi : Pemerintah Kota Samarinda ${TEAM_SENTENCE} ${MOTIVASI} ${CLOSING}`);
    // the format's blank-numbered citation and its CV attachment are not copied (domain-spec §8.3, no file attached)
    expect(text).not.toMatch(/Nomor xx|Curriculum Vitae|berkas|terlampir|lampirkan/i);
    expect(text).not.toContain('PEMERINTAH KOTA SAMARINDA');
    expect(text).not.toContain('Mengetahui');
    expect(text).not.toContain('Pejabat Penilai Kinerja,');
    // "Pemohon," over the applicant's name, pangkat and NIP, after the closing and before the tembusan
    const pemohonAt = lines.indexOf('Pemohon,');
    expect(pemohonAt).toBeGreaterThan(lines.findIndex((line) => line.startsWith('Demikian permohonan')));
    expect(lines.slice(pemohonAt + 1, pemohonAt + 5)).toEqual(['Rina Lestari, S.Kom.', 'Penata (III/c)', 'NIP. 199003152015032004', 'Tembusan :']);
  });

  it('writes the same letter as DOCX', async () => {
    const docx = await docxLinesOf(suratPermohonanIndividu(INPUT));
    expect(docx).toEqual(expect.arrayContaining([
      'Samarinda, 27 November 2026', 'Nomor : -', 'Sifat : Biasa', 'Lampiran : -', 'Hal : Permohonan pelibatan dalam Tim Kerja', `Yth. ${INPUT.kepada}`,
      `Berdasarkan ${INPUT.dasar}, saya yang bertanda tangan di bawah ini:`, 'Nama : Rina Lestari, S.Kom.', 'NIP : 199003152015032004',
      'Pangkat/Gol. : Penata (III/c)', 'Jabatan : Pranata Komputer Ahli Muda', 'Instansi : Pemerintah Kota Samarinda', TEAM_SENTENCE, MOTIVASI, CLOSING,
      'Pemohon,', 'Rina Lestari, S.Kom.', 'NIP. 199003152015032004', 'Tembusan :', ...INPUT.tembusan.map((line, index) => `${index + 1}. ${line}`),
    ]));
    const all = docx.join('\n');
    expect(count(all, 'Yth.')).toBe(1);
    expect(all).not.toContain('Mengetahui');
  });

  it('adds the Penilai\'s "Mengetahui," block beside "Pemohon," when the letter must be diketahui (TBB, MGL)', async () => {
    const letter = suratPermohonanIndividu({ ...INPUT, mengetahui: PENILAI });
    const { pages, lines, text } = await pdfOf(letter);
    expect(pages).toHaveLength(1);
    expect(lines).toContain('Mengetahui,');
    expect(text).toContain('Mengetahui, Kepala Bidang Statistik selaku Pejabat Penilai Kinerja,');
    // the capacity stays on one line under the office ("Kinerja," never wraps alone)
    expect(lines.slice(lines.indexOf('Mengetahui,') + 1, lines.indexOf('Mengetahui,') + 3)).toEqual(['Kepala Bidang Statistik', 'selaku Pejabat Penilai Kinerja, Pemohon,']);
    // both names, and both NIPs, sit on one line: the Penilai on the left, the applicant on the right
    expect(lines).toEqual(expect.arrayContaining([
      `${PENILAI.name} ${APPLICANT.name}`, 'Pembina (IV/a) Penata (III/c)', `NIP. ${PENILAI.nip} NIP. ${APPLICANT.nip}`,
    ]));
    expect(text).toContain('Pemohon,');

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining([
      'Mengetahui,', 'Kepala Bidang Statistik selaku Pejabat Penilai Kinerja,', PENILAI.name, 'Pembina (IV/a)', `NIP. ${PENILAI.nip}`,
      'Pemohon,', APPLICANT.name, `NIP. ${APPLICANT.nip}`,
    ]));
  });

  it('lets a delegate acknowledge under the caller\'s a.n. line, in their own office', () => {
    const delegate = { ...PENILAI, name: 'Hendra Wijaya, S.Kom.', jabatan: 'Sekretaris Dinas.', atasNama: 'a.n. Pejabat Penilai Kinerja' };
    expect(suratPermohonanIndividu({ ...INPUT, mengetahui: delegate }).mengetahui).toEqual({
      atasNama: 'a.n. Pejabat Penilai Kinerja', jabatan: 'Sekretaris Dinas,', nama: 'Hendra Wijaya, S.Kom.', pangkat: 'Pembina (IV/a)', nip: PENILAI.nip,
    });
  });

  it('leaves out an unknown pangkat, never doubles a given "Yth.", ends the dasar at the comma and keeps each line of the motivasi', async () => {
    const letter = suratPermohonanIndividu({
      ...INPUT,
      applicant: { ...APPLICANT, pangkat: null, golongan: null },
      kepada: 'Yth. Kepala Bidang Aplikasi Informatika (Kabid Aptika Uji)',
      dasar: 'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022.',
      motivasi: 'Kompetensi: pengelolaan basis data.\n\n  Motivasi: mendukung Satu Data Indonesia.  ',
    });
    expect(letter.body.filter((block) => block.kind === 'paragraph').map((block) => block.text)).toEqual([
      'Berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022, saya yang bertanda tangan di bawah ini:',
      TEAM_SENTENCE, 'Kompetensi: pengelolaan basis data.', 'Motivasi: mendukung Satu Data Indonesia.', CLOSING,
    ]);
    const { lines, text } = await pdfOf(letter);
    expect(count(text, 'Yth.')).toBe(1);
    expect(text).toContain(`Yth. ${INPUT.kepada} di Tempat`);
    expect(text).not.toContain('Pangkat/Gol.');
    expect(lines.slice(lines.indexOf('Pemohon,') + 1, lines.indexOf('Pemohon,') + 3)).toEqual([APPLICANT.name, `NIP. ${APPLICANT.nip}`]);

    const docx = await docxLinesOf(letter);
    expect(docx).toEqual(expect.arrayContaining(['Kompetensi: pengelolaan basis data.', 'Motivasi: mendukung Satu Data Indonesia.']));
    expect(count(docx.join('\n'), 'Yth.')).toBe(1);
  });

  it('refuses to write a request without motivasi or dasar', () => {
    expect(() => suratPermohonanIndividu({ ...INPUT, motivasi: ' \n ' }))
      .toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields: ['motivasi'] } }));
    expect(() => suratPermohonanIndividu({ ...INPUT, dasar: '' }))
      .toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields: ['dasar'] } }));
  });
});
