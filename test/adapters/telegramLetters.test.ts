import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { docxText, pdfText } from '../helpers/pdfText';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let h: TelegramHarness;
afterEach(async () => { await h?.stop(); });

const applicant = tgUser(5001, 'Statistisi');
const targetHead = tgUser(5002, 'KabidAptika');
const ownPenilai = tgUser(5003, 'KabidStatistik');
const ketua = tgUser(5005, 'PranataMuda');

/** Samarinda: the applicant asks to join a team of another unit, through the real telegraf bot. */
async function requestToJoin(withPenilai: boolean) {
  h = await TelegramHarness.start();
  await loadOrganisation(h.bot, smallOrganisation('SMD'));
  await h.link(applicant, NIP.pfPertama);
  await h.link(targetHead, NIP.kabidA);
  if (withPenilai) await h.link(ownPenilai, NIP.kabidB);
  await h.link(ketua, NIP.pfMuda);
  await h.send(h.tg.sendText(applicant, dm(applicant), '/ajukan'));
  await h.press(applicant, /^Tim Satu Data/);
  await h.send(h.tg.sendText(applicant, dm(applicant), 'Berpengalaman mengelola portal data selama empat tahun'));
  await h.press(applicant, 'Kirim');
}

const documentsTo = (chatId: number) => h.tg.calls.filter((c) => c.method === 'sendDocument' && String(c.params.chat_id) === String(chatId) && !c.error);

describe('Telegram adapter: letters of a cross-unit voluntary request', () => {
  it('sends the approval and the Surat Tugas as PDF documents whose text is right, and a DOCX on request', async () => {
    await requestToJoin(true);
    // The applicant's own letter (format 1) goes to the target head at once, without an agenda number.
    const [permohonan] = documentsTo(targetHead.id).map((c) => c.files.document!);
    expect(permohonan!.name).toBe('permohonan-individu-2026-11-23.pdf');
    const permohonanText = (await pdfText(permohonan!.content)).join(' ').replace(/\s+/g, ' ');
    expect(permohonanText).toContain('Nomor : - Sifat : Biasa');
    expect(permohonanText).toContain('Dengan ini saya mengajukan permohonan pelibatan dalam Tim Kerja Tim Satu Data pada Bidang Aplikasi Informatika');
    expect(permohonanText).toContain('Berpengalaman mengelola portal data selama empat tahun');
    expect(permohonanText).toMatch(/Pemohon, Statistisi Pertama Uji .*NIP\.? ?199006062015032006/);
    expect(permohonanText).toMatch(/Tembusan : 1\. Jabatan Kabid Statistik Uji \(Kabid Statistik Uji\)/);

    // The ketua tim verifies first and signs the Rekomendasi (format 4b), which the target head receives too.
    await h.press(ketua, 'Rekomendasikan');
    const [, rekomendasi] = documentsTo(applicant.id).map((c) => c.files.document!);
    expect(rekomendasi!.name).toBe('rekomendasi-0001-DISKOMINFO-2026.pdf');
    const rekomendasiText = (await pdfText(rekomendasi!.content)).join(' ').replace(/\s+/g, ' ');
    expect(rekomendasiText).toContain('TIM KERJA PEJABAT FUNGSIONAL DAN PELAKSANA');
    expect(rekomendasiText).toContain('REKOMENDASI PELIBATAN DALAM TIM KERJA');
    expect(rekomendasiText).toContain('Menyetujui pelibatan dalam Tim Kerja dengan pertimbangan Jabatan Fungsional');
    expect(rekomendasiText).toMatch(/KETUA TIM, Pranata Muda Uji .*NIP\.? ?198505052010011005/);
    expect(documentsTo(targetHead.id).map((c) => c.files.document!.name)).toEqual(['permohonan-individu-2026-11-23.pdf', 'rekomendasi-0001-DISKOMINFO-2026.pdf']);

    await h.press(targetHead, 'Setujui');
    // The target unit answers by letter at its own step (format 3): the applicant takes it home.
    const [, , approval] = documentsTo(applicant.id).map((c) => c.files.document!);
    expect(approval!.name).toBe('persetujuan-0002-DISKOMINFO-2026.pdf');
    const approvalLines = (await pdfText(approval!.content)).join('\n').split('\n');
    expect(approvalLines).toContain('PEMERINTAH KOTA UJI');
    expect(approvalLines.join(' ').replace(/\s+/g, ' ')).toContain('Atas rekomendasi dari Ketua Tim Kerja tersebut, kami menyetujui permohonan Saudara');
    expect(approvalLines.some((l) => /^Nomor\s*:\s*0002\/DISKOMINFO\/2026$/.test(l.trim()))).toBe(true);
    expect(approvalLines.some((l) => /^Hal\s*:\s*Persetujuan pelibatan dalam Tim Kerja$/.test(l.trim()))).toBe(true);
    expect(approvalLines.map((l) => l.trim())).toContain('Yth. Statistisi Pertama Uji');
    expect(approvalLines.join('\n')).toMatch(/NIP\.? ?197502022001122002/); // signed by the target unit's head
    await h.press(ownPenilai, 'Setujui');

    const [, , , assignment] = documentsTo(applicant.id).map((c) => c.files.document!);
    const pages = await pdfText(assignment!.content);
    const tugas = pages.join('\n');
    expect(tugas.split('\n').map((l) => l.trim())).toContain('NOMOR : 0003/DISKOMINFO/2026');
    expect(tugas).not.toContain('NOMOR : NOMOR');
    expect(tugas).toContain('SURAT TUGAS');
    expect(tugas).toContain('Peraturan Wali Kota Samarinda Nomor 54 Tahun 2023');
    expect(tugas).toContain('MEMERINTAHKAN :');
    expect(tugas).toMatch(/Statistisi Pertama Uji, NIP 199006062015032006/);
    expect(tugas).toMatch(/NIP\.? ?197803032003121003/); // the Penilai, who decided last, signs the Surat Tugas
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain('LAMPIRAN 1');
    expect(pages.at(-1)).toContain('Dataset terbit');
    // The signer and the tembusan get the letters too.
    expect(documentsTo(ownPenilai.id)).toHaveLength(3);
    expect(documentsTo(targetHead.id)).toHaveLength(3);

    await h.send(h.tg.sendText(applicant, dm(applicant), '/surat'));
    expect(h.lastText(applicant)).toMatch(/^Surat yang dapat Bapak\/Ibu unduh:\n- Surat permohonan pelibatan dalam Tim Kerja \(dari pemohon\), 23 November 2026\n- Rekomendasi pelibatan .* nomor 0001\/DISKOMINFO\/2026.*\n- Surat persetujuan .* nomor 0002\/DISKOMINFO\/2026/);
    await h.press(applicant, 'DOCX 0003/DISKOMINFO/2026');
    const docx = documentsTo(applicant.id).at(-1)!.files.document!;
    expect(docx.name).toBe('surat-tugas-0003-DISKOMINFO-2026.docx');
    expect(await docxText(docx.content)).toContain('SURAT TUGAS');
  });

  it('sends the refusal letter with the prescribed reason, and lists no letter for someone it is not for', async () => {
    await requestToJoin(false);
    await h.press(ketua, 'Tidak merekomendasikan');
    await h.press(ketua, /anggota/i);
    await h.press(targetHead, 'Tolak');
    await h.press(targetHead, /anggota/i);
    const refusal = documentsTo(applicant.id).map((c) => c.files.document!).find((d) => d.name.startsWith('penolakan'));
    const text = (await pdfText(refusal!.content)).join('\n');
    // The head followed the ketua's recommendation against: the letter says it rests on it.
    expect(text.replace(/\s+/g, ' ')).toContain('Atas rekomendasi dari Ketua Tim Kerja tersebut, kami tidak menyetujui');
    expect(text).toContain('Tidak setuju pelibatan dalam Tim Kerja');
    // Alternative 2 of format 4, in the regulation's own sentence.
    expect(text.replace(/\s+/g, ' ')).toContain('Jabatan Fungsional serta kualifikasi keahlian yang Saudara miliki sesuai dengan kebutuhan dalam Tim Kerja Tim Satu Data pada Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika, namun jumlah anggota Tim sudah mencukupi.');
    expect(text).not.toContain('Yth. Yth.');

    const stranger = tgUser(5006, 'Kadis');
    await h.link(stranger, NIP.kadis);
    await h.send(h.tg.sendText(stranger, dm(stranger), '/surat'));
    expect(h.lastText(stranger)).toBe('Belum ada surat untuk Bapak/Ibu.');
  });
});
