import { afterEach, describe, expect, it } from 'vitest';
import { loadOrganisation } from '../helpers/organisationBot';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { pdfText } from '../helpers/pdfText';
import { EKSPEKTASI, MAKSUD } from '../helpers/involvement';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let h: TelegramHarness;
afterEach(async () => { await h?.stop(); });

const requester = tgUser(6001, 'KabidStatistik');
const penilaiDituju = tgUser(6002, 'KabidAptika');
const official = tgUser(6003, 'PranataMuda');
const ownPenilai = tgUser(6004, 'Kadis');

const documentsTo = (chatId: number) => h.tg.calls.filter((c) => c.method === 'sendDocument' && String(c.params.chat_id) === String(chatId) && !c.error).map((c) => c.files.document!);
const say = (user: typeof requester, text: string) => h.send(h.tg.sendText(user, dm(user), text));

describe('Telegram adapter: a cross-unit penunjukan (WF-2) through the real telegraf bot', () => {
  it('asks for an official of another unit, is approved by their Penilai, and ends with the surat penugasan as a PDF whose text is right', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    for (const [user, nip] of [[requester, NIP.kabidB], [penilaiDituju, NIP.kabidA], [official, NIP.pfMuda], [ownPenilai, NIP.kadis]] as const) await h.link(user, nip);

    await say(requester, '/mintapegawai');
    await h.press(requester, 'Tim Statistik Sektoral');
    await say(requester, 'Aplikasi');
    await h.press(requester, /^Bidang Aplikasi Informatika/);
    await h.press(requester, /^Pranata Muda Uji/);
    await say(requester, MAKSUD);
    await h.press(requester, 'Pakai: statistik'); // the team's own kompetensi, one press
    await say(requester, EKSPEKTASI);
    await say(requester, '2026-12-15');
    expect(h.lastText(requester)).toContain('Diputuskan pertama oleh: Kabid Aptika Uji (Pejabat Penilai Kinerja pegawai yang diminta)');
    await h.press(requester, 'Kirim');

    // The surat permohonan pelibatan reaches the Penilai dituju and, as tembusan, the requester's own Penilai.
    const [permohonan] = documentsTo(penilaiDituju.id);
    expect(permohonan!.name).toBe('permohonan-pelibatan-0001-DISKOMINFO-2026.pdf');
    const permohonanText = (await pdfText(permohonan!.content)).join(' ').replace(/\s+/g, ' ');
    expect(permohonanText).toContain(`Maksud dan tujuan: ${MAKSUD}`);
    expect(permohonanText).toContain('Kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan: statistik;');
    expect(permohonanText).toContain(`Ekspektasi/target kinerja: ${EKSPEKTASI}`);
    expect(permohonanText).toMatch(/Durasi pelibatan: \d+ November 2026 s\.d\. 15 Desember 2026/);
    expect(documentsTo(ownPenilai.id).map((d) => d.name)).toEqual(['permohonan-pelibatan-0001-DISKOMINFO-2026.pdf']);

    // A press by anyone but the Penilai dituju is refused and changes nothing.
    await h.press(ownPenilai, 'Setujui', dm(penilaiDituju));
    const answer = h.tg.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!;
    expect(answer.params.text).toMatch(/^Mohon maaf, Bapak\/Ibu tidak berwenang memutuskan langkah ini \(C7\)/);
    expect(await h.bot.db.auditLog.count({ where: { outcome: 'REFUSED', rule: 'C7' } })).toBe(1);
    expect((await h.bot.db.penugasan.findFirstOrThrow()).status).toBe('SUBMITTED');

    await h.press(penilaiDituju, 'Setujui');
    const tugas = documentsTo(official.id).at(-1);
    expect(tugas!.name).toBe('surat-penugasan-0002-DISKOMINFO-2026.pdf');
    const pages = await pdfText(tugas!.content);
    const text = pages.join('\n');
    expect(text).toContain('SURAT PENUGASAN');
    expect(text).toContain('NOMOR : 0002/DISKOMINFO/2026');
    expect(text).toMatch(/Pranata Muda Uji, NIP 198505052010011005/);
    expect(text.replace(/\s+/g, ' ')).toMatch(/Tim Kerja Tim Statistik Sektoral pada Bidang Statistik, Dinas Komunikasi dan Informatika .* s\.d\. 15 Desember 2026/);
    expect(text).toMatch(/NIP\.? ?197502022001122002/); // signed by the Penilai dituju
    expect(pages.at(-1)).toContain('LAMPIRAN 1');
    expect(documentsTo(requester.id).map((d) => d.name)).toContain('surat-penugasan-0002-DISKOMINFO-2026.pdf');

    await h.press(official, 'Terima penugasan');
    expect(h.lastText(official)).toBe('Penugasan diterima. Bapak/Ibu kini anggota Tim Statistik Sektoral; laporan kemajuan dapat diisi dengan /lapor.');
    const membership = await h.bot.db.membership.findFirstOrThrow({ where: { pegawai: { nip: NIP.pfMuda }, tim: { code: 'TIM-STAT' } } });
    expect(membership.status).toBe('ACTIVE');
  });

  it('asks a unit for a number of its officials; its head nominates one by typing the list number, and the nominee gets the surat penugasan', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    for (const [user, nip] of [[requester, NIP.kabidB], [penilaiDituju, NIP.kabidA], [official, NIP.pfMuda]] as const) await h.link(user, nip);

    await say(requester, '/mintapegawai');
    await h.press(requester, 'Tim Statistik Sektoral');
    await say(requester, 'Aplikasi');
    await h.press(requester, /^Bidang Aplikasi Informatika/);
    await h.press(requester, 'Minta sejumlah pegawai, unit yang menunjuk');
    await say(requester, '1');
    await say(requester, MAKSUD);
    await h.press(requester, 'Pakai: statistik');
    await say(requester, EKSPEKTASI);
    await say(requester, '2026-12-15');
    expect(h.lastText(requester)).toContain('Diminta: 1 orang pejabat fungsional atau pelaksana Bidang Aplikasi Informatika, ditunjuk oleh unitnya');
    await h.press(requester, 'Kirim');

    const [permohonan] = documentsTo(penilaiDituju.id);
    expect((await pdfText(permohonan!.content)).join(' ').replace(/\s+/g, ' ')).toContain('dengan jumlah 1 (satu) orang Pejabat Fungsional dan/atau pelaksana pada Bidang Aplikasi Informatika');
    await h.press(penilaiDituju, 'Tunjuk pegawai');
    expect(h.lastText(penilaiDituju)).toContain('2. Pranata Muda Uji (Jabatan Pranata Muda Uji)');
    await say(penilaiDituju, '2');
    await h.press(penilaiDituju, 'Kirim');

    const tugas = documentsTo(official.id).at(-1);
    expect(tugas!.name).toBe('surat-penugasan-0002-DISKOMINFO-2026.pdf');
    const text = (await pdfText(tugas!.content)).join('\n');
    expect(text).toMatch(/Pranata Muda Uji, NIP 198505052010011005/);
    expect(text).toMatch(/NIP\.? ?197502022001122002/); // signed by the head who nominated, the nominee's Penilai
    expect(h.lastText(requester)).toMatch(/^Permintaan pegawai nomor 1 dijawab oleh Kabid Aptika Uji: 1 dari 1 orang ditunjuk\./);
    await h.press(official, 'Terima penugasan');
    expect((await h.bot.db.membership.findFirstOrThrow({ where: { pegawai: { nip: NIP.pfMuda }, tim: { code: 'TIM-STAT' } } })).status).toBe('ACTIVE');
  });
});
