import { describe, expect, it } from 'vitest';
import type { LetterDocument } from '../../src/core/letters/letterDocument';
import { suratPenolakan, suratPersetujuan, type RefusalReason, type VoluntaryLetterInput } from '../../src/core/letters/penugasanLetters';
import { suratRekomendasi, type RekomendasiInput } from '../../src/core/letters/rekomendasiLetter';
import { renderLetter } from '../../src/core/letters/renderLetter';
import { joinWrapped } from '../helpers/pdfTable';
import { pdfText } from '../helpers/pdfText';

const KOP: NonNullable<LetterDocument['kop']> = {
  pemerintah: 'PEMERINTAH KOTA SAMARINDA',
  unit: 'DINAS KOMUNIKASI DAN INFORMATIKA',
  lines: ['Jalan Dahlia Nomor 81, Kode Pos : 75121', 'Telp. (0541) 733840 Fax. (0541) 733841'],
};
const APPLICANT = { name: 'Rina Lestari, S.Kom.', nip: '199003152015032004', pangkat: 'Penata', golongan: 'III/c', jabatan: 'Pranata Komputer Ahli Muda' };
const KETUA = { name: 'Dewi Anggraini, S.T., M.T.', nip: '198504112010012015', pangkat: 'Penata Tingkat I', golongan: 'III/d', jabatan: 'Pranata Komputer Ahli Muda' };
const OWNER_UNIT = 'Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika';
const INPUT: RekomendasiInput = {
  kop: KOP,
  issuedAt: new Date('2026-11-27T02:00:00Z'),
  nomor: '800.1.11.1/0301/Diskominfo/2026',
  tempatTanggal: 'Samarinda, 27 November 2026',
  dasar: [
    'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi',
    'Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023 tentang Sistem Kerja di Lingkungan Pemerintah Kota Samarinda untuk Penyederhanaan Birokrasi',
  ],
  // as an instansi might have copied it from the format, defect included (domain-spec §8.3)
  menimbang: ['Rencana Sestrategis Dinas Komunikasi dan Informatika Kota Samarinda Tahun 2026-2030;', 'Peta Proses Bisnis Dinas Komunikasi dan Informatika Kota Samarinda;'],
  requestDate: '20 November 2026',
  applicant: APPLICANT,
  instansiName: 'Pemerintah Kota Samarinda',
  team: 'SPBE',
  ownerUnit: OWNER_UNIT,
  ketua: KETUA,
  recommendation: { recommended: true },
};
const WHERE = `Tim Kerja SPBE pada ${OWNER_UNIT}`;

async function pdfOf(letter: LetterDocument) {
  const pages = await pdfText((await renderLetter(letter, 'pdf', 'rekomendasi')).content);
  const lines = pages.flatMap((page) => page.split('\n'));
  return { pages, lines, text: joinWrapped(lines) };
}
const rekomendasi = (recommendation: RekomendasiInput['recommendation']) => pdfOf(suratRekomendasi({ ...INPUT, recommendation }));

describe('suratRekomendasi', () => {
  it('writes format 4b: the team line under the unit, Dasar, Menimbang, the applicant, the approval and the ketua\'s signature', async () => {
    const { pages, lines, text } = await rekomendasi({ recommended: true });
    expect(pages).toHaveLength(1);
    const unitAt = lines.indexOf('DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(lines[unitAt + 1]).toBe('TIM KERJA PEJABAT FUNGSIONAL DAN PELAKSANA');
    expect(lines).toEqual(expect.arrayContaining([
      'REKOMENDASI PELIBATAN DALAM TIM KERJA', `NOMOR : ${INPUT.nomor}`,
      'Nama : Rina Lestari, S.Kom.', 'NIP : 199003152015032004', 'Pangkat/Gol. : Penata (III/c)', 'Jabatan : Pranata Komputer Ahli Muda',
      'Instansi : Pemerintah Kota Samarinda', 'Samarinda, 27 November 2026', 'KETUA TIM,', 'Dewi Anggraini, S.T., M.T.', 'Penata Tingkat I (III/d)',
      'NIP. 198504112010012015',
    ]));
    expect(text).toContain(`Dasar : a. ${INPUT.dasar[0]}; b. ${INPUT.dasar[1]}. Menimbang :`);
    expect(text).toContain('Menimbang : a. Rencana Strategis Dinas Komunikasi dan Informatika Kota Samarinda Tahun 2026-2030; b. Peta Proses Bisnis Dinas Komunikasi dan Informatika Kota Samarinda; c. Surat permohonan pelibatan dalam Tim Kerja tanggal 20 November 2026 atas nama Rina Lestari, S.Kom. Ketua Tim Kerja SPBE,');
    expect(text).not.toContain('Sestrategis');
    expect(text).toContain('Ketua Tim Kerja SPBE, memberikan rekomendasi kepada : Nama : Rina Lestari, S.Kom.');
    expect(text).toContain(`Untuk : Menyetujui pelibatan dalam Tim Kerja dengan pertimbangan Jabatan Fungsional serta kualifikasi keahlian yang dimiliki sesuai dengan kebutuhan dalam ${WHERE}. Demikian rekomendasi ini dibuat untuk dipergunakan seperlunya.`);
    expect(text).not.toContain('Tidak menyetujui');
    expect(text).not.toContain('Tembusan');
    // the signature closes the letter, after the closing line
    expect(lines.slice(-5)).toEqual(['Samarinda, 27 November 2026', 'KETUA TIM,', 'Dewi Anggraini, S.T., M.T.', 'Penata Tingkat I (III/d)', 'NIP. 198504112010012015']);
  });

  it('writes format 5 alternative 1 when the qualifications do not fit, naming a pelaksana as such', async () => {
    const { text } = await pdfOf(suratRekomendasi({
      ...INPUT, applicant: { ...APPLICANT, jabatan: 'Pelaksana Pengadministrasi Umum' }, recommendation: { recommended: false, reason: { code: 'KUALIFIKASI_TIDAK_SESUAI' } },
    }));
    expect(text).toContain(`Untuk : Tidak menyetujui pelibatan dalam Tim Kerja dengan pertimbangan Jabatan pelaksana serta kualifikasi keahlian yang dimiliki tidak sesuai dengan kebutuhan dalam ${WHERE}.`);
    expect(text).not.toContain('Menyetujui pelibatan');
    expect(text).not.toContain('mencukupi');
  });

  it('writes format 5 alternative 2 when the team is already full', async () => {
    const { text } = await rekomendasi({ recommended: false, reason: { code: 'ANGGOTA_MENCUKUPI' } });
    expect(text).toContain(`Untuk : Tidak menyetujui pelibatan dalam Tim Kerja dengan pertimbangan Jabatan Fungsional serta kualifikasi keahlian yang dimiliki sesuai dengan kebutuhan dalam ${WHERE}, namun jumlah anggota Tim sudah mencukupi.`);
    expect(text).not.toContain('tidak sesuai');
  });

  it('quotes a reason of the ketua\'s own, and will not write an empty one', async () => {
    const reason = 'Yang bersangkutan masih menjadi anggota tiga Tim Kerja lain sampai Desember 2026.';
    const { text, lines } = await rekomendasi({ recommended: false, reason: { code: 'LAINNYA', text: reason } });
    expect(text).toContain(`Untuk : Tidak menyetujui pelibatan dalam ${WHERE} dengan alasan: ${reason} Demikian`);
    expect(text).not.toContain('dengan pertimbangan');
    expect(lines).toContain('KETUA TIM,');
    expect(() => suratRekomendasi({ ...INPUT, recommendation: { recommended: false, reason: { code: 'LAINNYA', text: '  ' } } }))
      .toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields: ['reason'] } }));
  });

  it('adds the request as the only Menimbang item when no other is given, and needs a Dasar', async () => {
    const { text } = await pdfOf(suratRekomendasi({ ...INPUT, menimbang: [] }));
    expect(text).toContain('Menimbang : Surat permohonan pelibatan dalam Tim Kerja tanggal 20 November 2026 atas nama Rina Lestari, S.Kom. Ketua Tim Kerja SPBE');
    expect(() => suratRekomendasi({ ...INPUT, dasar: [] })).toThrow(expect.objectContaining({ code: 'LETTER_INCOMPLETE', details: { fields: ['dasar'] } }));
  });
});

describe('formats 3 and 4 after a ketua tim recommendation', () => {
  const VOLUNTARY: VoluntaryLetterInput = {
    kop: KOP, issuedAt: INPUT.issuedAt, nomor: '800.1.11.1/0302/Diskominfo/2026', tempatTanggal: INPUT.tempatTanggal,
    instansiName: INPUT.instansiName, applicant: APPLICANT, requestDate: INPUT.requestDate, team: 'SPBE', ownerUnit: OWNER_UNIT,
    signer: { name: 'Ir. Rusmadi Wijaya, M.Si.', nip: '197503122000031004', pangkat: 'Pembina Utama Muda', golongan: 'IV/c', jabatan: 'Kepala Dinas Komunikasi dan Informatika' },
    tembusan: [],
  };
  const VERIFIED = 'Setelah dilakukan verifikasi oleh Ketua Tim Kerja,';
  const refusal = (reason: RefusalReason, ketuaTim?: { recommended: boolean }) => pdfOf(suratPenolakan({ ...VOLUNTARY, reason, ...(ketuaTim ? { ketuaTim } : {}) }));

  it('format 3 says the ketua verified only when a recommendation was made, and rests on it only when it was for the applicant', async () => {
    const verified = (await pdfOf(suratPersetujuan({ ...VOLUNTARY, ketuaTim: { recommended: true } }))).text;
    expect(verified).toContain(`1. ${VERIFIED} Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki sesuai dengan kebutuhan dalam ${WHERE}. 2. Atas rekomendasi dari Ketua Tim Kerja tersebut, kami menyetujui`);
    const overruling = (await pdfOf(suratPersetujuan({ ...VOLUNTARY, ketuaTim: { recommended: false } }))).text;
    expect(overruling).toContain(`${WHERE}. 2. Kami menyetujui`);
    expect(overruling).not.toContain('Atas rekomendasi');

    const plain = (await pdfOf(suratPersetujuan(VOLUNTARY))).text;
    expect(plain).toContain(`1. Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki sesuai dengan kebutuhan dalam ${WHERE}.`);
    expect(plain).not.toContain('verifikasi');
  });

  it('format 4 rests the refusal on the recommendation only when the ketua recommended against', async () => {
    const against = (await refusal({ code: 'KUALIFIKASI_TIDAK_SESUAI' }, { recommended: false })).text;
    expect(against).toContain(`1. ${VERIFIED} Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki tidak sesuai dengan kebutuhan dalam ${WHERE}.`);
    expect(against).toContain(`2. Atas rekomendasi dari Ketua Tim Kerja tersebut, kami tidak menyetujui permohonan Saudara untuk dilibatkan dalam ${WHERE}.`);
    expect(against).not.toContain('Dengan pertimbangan tersebut');

    // the ketua recommended yes and the head still refused: verified, but no "atas rekomendasi"
    const overruled = (await refusal({ code: 'ANGGOTA_MENCUKUPI' }, { recommended: true })).text;
    expect(overruled).toContain(`1. ${VERIFIED} Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki sesuai dengan kebutuhan dalam ${WHERE}, namun jumlah anggota Tim sudah mencukupi.`);
    expect(overruled).toContain(`2. Dengan pertimbangan tersebut, kami tidak menyetujui permohonan Saudara untuk dilibatkan dalam ${WHERE}.`);
    expect(overruled).not.toContain('Atas rekomendasi');

    const free = (await refusal({ code: 'LAINNYA', text: 'Kebutuhan tim sudah terpenuhi dari unit sendiri.' }, { recommended: false })).text;
    expect(free).toContain(`1. ${VERIFIED} terdapat pertimbangan sebagai berikut: Kebutuhan tim sudah terpenuhi dari unit sendiri. 2. Atas rekomendasi dari Ketua Tim Kerja tersebut`);
  });

  it('format 4 without a recommendation stays as it was', async () => {
    const plain = (await refusal({ code: 'KUALIFIKASI_TIDAK_SESUAI' })).text;
    expect(plain).toContain(`1. Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki tidak sesuai dengan kebutuhan dalam ${WHERE}. 2. Dengan pertimbangan tersebut, kami tidak menyetujui`);
    expect(plain).not.toContain('verifikasi');
    expect(plain).not.toContain('Atas rekomendasi');
    expect((await refusal({ code: 'LAINNYA', text: 'Beban kerja tinggi.' })).text).toContain('1. Alasan: Beban kerja tinggi. 2. Dengan pertimbangan tersebut');
  });
});
