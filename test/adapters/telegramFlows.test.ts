import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let h: TelegramHarness;
afterEach(async () => { await h?.stop(); });

const applicant = tgUser(5001, 'Statistisi');
const targetHead = tgUser(5002, 'KabidAptika');
const ownPenilai = tgUser(5003, 'KabidStatistik');
const ketua = tgUser(5004, 'PranataMuda');
const stranger = tgUser(5999, 'Orang');

async function startSamarinda() {
  h = await TelegramHarness.start();
  await loadOrganisation(h.bot, smallOrganisation('SMD'));
  await h.link(applicant, NIP.pfPertama);
  await h.link(targetHead, NIP.kabidA);
  await h.link(ownPenilai, NIP.kabidB);
  await h.link(ketua, NIP.pfMuda);
}

describe('Telegram adapter: the core flows from a private chat', () => {
  it('links an account by deep link and explains how to get a code to someone without one', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    await h.send(h.tg.sendText(stranger, dm(stranger), '/start'));
    expect(h.lastText(stranger)).toMatch(/mintalah kode penghubung kepada admin/);
    await h.send(h.tg.sendText(stranger, dm(stranger), '/ajukan'));
    expect(h.lastText(stranger)).toMatch(/^Akun ini belum terhubung/);

    await h.link(applicant, NIP.pfPertama);
    expect(h.lastText(applicant)).toMatch(/^Akun berhasil terhubung sebagai Statistisi Pertama Uji/);
    await h.send(h.tg.sendText(applicant, dm(applicant), '/bantuan@timkerja_uji_bot'));
    expect(h.lastText(applicant)).toContain('/ajukan: mengajukan diri');
    expect(h.lastText(applicant)).not.toContain('/kinerjaanggota');
  });

  it('completes a multi-step form with inline keyboards across a restart, then the approval message is edited after the decision', async () => {
    await startSamarinda();
    await h.send(h.tg.sendText(applicant, dm(applicant), '/ajukan'));
    const teamChoice = h.tg.messagesTo(applicant.id).at(-1)!;
    expect(teamChoice.reply_markup?.inline_keyboard.flat()).toContainEqual(expect.objectContaining({ text: 'Tim Satu Data (Bidang Aplikasi Informatika)' }));
    await h.press(applicant, /^Tim Satu Data/);
    expect(h.tg.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)?.params.text).toBe('Diterima.');

    h = await h.restart();
    await h.send(h.tg.sendText(applicant, dm(applicant), 'Berpengalaman mengelola portal data selama empat tahun'));
    await h.press(applicant, 'Kirim');
    expect(h.lastText(applicant)).toMatch(/^Pengajuan nomor 1 telah dikirim kepada Pranata Muda Uji \(Ketua tim yang dituju\)/);
    await h.press(ketua, 'Rekomendasikan');

    const request = h.tg.messagesTo(targetHead.id).at(-1)!;
    expect(request.text).toContain('Dasar: 000-SMD Lamp. BAB II.B.10.b.ii langkah 1-2');
    await h.press(targetHead, 'Setujui');
    const edited = h.tg.messagesTo(targetHead.id).find((m) => m.message_id === request.message_id)!;
    expect(edited.text).toMatch(/DISETUJUI oleh Kabid Aptika Uji pada \d+ November 2026/);
    expect(edited.reply_markup?.inline_keyboard ?? []).toEqual([]);
    expect(h.tg.messagesTo(ownPenilai.id).at(-1)?.text).toMatch(/^Permohonan nomor 1/);
  });

  it('refuses a button pressed by the wrong user with the reason on the button and records it', async () => {
    await startSamarinda();
    await h.send(h.tg.sendText(applicant, dm(applicant), '/ajukan'));
    await h.press(applicant, /^Tim Satu Data/);
    await h.send(h.tg.sendText(applicant, dm(applicant), 'Berpengalaman mengelola portal data selama empat tahun'));
    await h.press(applicant, 'Kirim');
    await h.press(ketua, 'Rekomendasikan');
    const request = h.tg.messagesTo(targetHead.id).at(-1)!;
    const approve = (request.reply_markup!.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>).find((b) => b.text === 'Setujui')!;

    // A forged callback_data: the token of another official's approval, sent from the Penilai's own chat.
    const ownMessage = h.tg.messagesTo(ownPenilai.id).at(-1)!;
    await h.send(h.tg.rawUpdate({ callback_query: { id: 'forged-1', from: { id: ownPenilai.id, is_bot: false, first_name: 'K' }, chat_instance: '9', data: approve.callback_data, message: { message_id: ownMessage.message_id, date: 0, chat: { id: ownPenilai.id, type: 'private' } } } }));

    const answer = h.tg.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(answer.params.text).toMatch(/^Mohon maaf, Bapak\/Ibu tidak berwenang memutuskan langkah ini \(C7\)/);
    expect((await h.bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED_TO_TARGET');
    expect(await h.bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED' } })).toMatchObject({ platform: 'telegram', rule: 'C7' });
  });

  it('answers an unknown or malformed button politely instead of leaving it spinning', async () => {
    await startSamarinda();
    const message = h.tg.messagesTo(applicant.id).at(-1)!;
    await h.send(h.tg.clickButton(applicant, message, 't:TIDAKADA0000'));
    await h.send(h.tg.rawUpdate({ callback_query: { id: 'cb-x', from: { id: applicant.id, is_bot: false, first_name: 'S' }, chat_instance: '1' } }));
    const answers = h.tg.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.params.text);
    expect(answers).toEqual(['Tombol ini sudah tidak berlaku. Silakan gunakan pesan terbaru.', 'Tombol ini sudah tidak berlaku. Silakan gunakan pesan terbaru.']);
  });

  it('receives a document from the user as a file event and sends documents with sendDocument', async () => {
    await startSamarinda();
    await h.send(h.tg.sendDocument(applicant, dm(applicant), { file_id: 'BQACAgIAAx', file_name: 'cv.pdf', mime_type: 'application/pdf' }));
    expect(h.lastText(applicant)).toMatch(/^Berkas belum diperlukan pada langkah ini/);

    const { enqueueSends } = await import('../../src/core/outbox/enqueue');
    const pegawai = await h.bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfPertama } });
    await h.bot.db.$transaction((tx) => enqueueSends(tx, [{
      id: 'letter-1', idempotencyKey: 'letter-1', to: { kind: 'pegawai', pegawaiId: pegawai.id },
      message: { kind: 'document', fileName: 'surat-tugas-001.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 surat').toString('base64') },
    }], { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, h.bot.clock.now()));
    await h.bot.core.drainOutbox();
    const upload = await h.tg.waitForCall('sendDocument');
    const file = Object.values(upload.files)[0]!;
    expect([file.name, file.content.toString()]).toEqual(['surat-tugas-001.pdf', '%PDF-1.4 surat']);
    expect(h.tg.messagesTo(applicant.id).at(-1)?.document?.file_name).toBe('surat-tugas-001.pdf');
  });
});

describe('Telegram adapter: weekly report with a photo', () => {
  it('keeps the photo by file_id, lists it in the report, forwards it to the ketua on request, and edits the report after feedback', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const member = tgUser(5101, 'Anggota');
    const ketua = tgUser(5102, 'Ketua');
    await h.link(member, NIP.pfMadya);
    await h.link(ketua, NIP.pfMuda);

    await h.send(h.tg.sendText(member, dm(member), '/lapor'));
    for (const answer of ['12', 'Menerbitkan dataset kependudukan', '12 dataset di portal']) await h.send(h.tg.sendText(member, dm(member), answer));
    await h.send(h.tg.sendPhoto(member, dm(member), 'AgACAgIAAxkBAAIC-foto-rapat', 'rapat koordinasi'));
    expect(h.lastText(member)).toBe('Bukti dukung diterima (1 berkas). Kirim berkas lain atau tekan "Lanjut".');
    await h.press(member, 'Lanjut');
    await h.press(member, 'Tidak ada kendala');
    await h.send(h.tg.sendText(member, dm(member), 'Menerbitkan 10 dataset berikutnya'));
    await h.press(member, 'Kirim');

    const report = h.tg.messagesTo(ketua.id).at(-1)!;
    expect(report.text).toMatch(/^Laporan kemajuan dari Analis Madya Uji[\s\S]*Bukti dukung: 1 berkas \(foto 1\)\n/);
    await h.press(ketua, 'Lihat bukti dukung (1)');
    const forwarded = await h.tg.waitForCall('sendPhoto');
    expect(forwarded.params).toMatchObject({ chat_id: ketua.id, photo: 'AgACAgIAAxkBAAIC-foto-rapat', caption: 'Bukti dukung 1 dari 1, laporan Analis Madya Uji' });

    await h.press(ketua, 'Terima');
    const edited = h.tg.messagesTo(ketua.id).find((m) => m.message_id === report.message_id)!;
    expect(edited.text).toMatch(/DITERIMA oleh Pranata Muda Uji pada/);
    expect(edited.reply_markup?.inline_keyboard ?? []).toEqual([]);
    expect(h.lastText(member)).toMatch(/^Umpan balik ketua tim atas laporan kemajuan Tim Satu Data: DITERIMA/);

    // The export's t.me link opens the chat with /start bukti_<kode>: the photo comes back.
    const attachment = await h.bot.db.laporanAttachment.findFirstOrThrow();
    await h.send(h.tg.sendText(ketua, dm(ketua), `/start bukti_${attachment.id}`));
    const again = await h.tg.waitForCall('sendPhoto', (c) => c.params.caption === 'Bukti dukung laporan Analis Madya Uji');
    expect(again.params).toMatchObject({ chat_id: ketua.id, photo: 'AgACAgIAAxkBAAIC-foto-rapat' });
  });
});

describe('Telegram adapter: the rest of the reporting week', () => {
  it('sends the team report to the owner unit’s head and answers an on-demand request late', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const ketua = tgUser(5201, 'Ketua');
    const head = tgUser(5202, 'Kabid');
    await h.link(ketua, NIP.pfMuda);
    await h.link(head, NIP.kabidA);

    await h.send(h.tg.sendText(head, dm(head), '/mintalaporan'));
    await h.press(head, 'Tim Satu Data');
    await h.press(head, 'Pranata Muda Uji (ketua tim)');
    await h.press(head, 'Hari ini pukul 16.00');
    await h.send(h.tg.sendText(head, dm(head), 'Progres integrasi data untuk rapat pimpinan'));
    h.bot.clock.set(new Date('2026-11-23T09:00:00Z')); // 17:00 WITA
    await h.press(ketua, 'Jawab');
    await h.send(h.tg.sendText(ketua, dm(ketua), 'Integrasi 80 persen, sisa dua tabel.'));
    expect(h.lastText(head)).toMatch(/^Laporan yang diminta dari Pranata Muda Uji — TERLAMBAT/);

    await h.send(h.tg.sendText(ketua, dm(ketua), '/laporantim'));
    expect(h.lastText(ketua)).toContain('- Analis Madya Uji: belum melapor');
    await h.press(ketua, 'Kirim');
    expect(h.lastText(head)).toMatch(/^Laporan tim dari ketua tim Pranata Muda Uji/);
    await h.press(head, 'Terima');
    expect(h.lastText(ketua)).toMatch(/DITERIMA oleh Kabid Aptika Uji/);
  });
});
