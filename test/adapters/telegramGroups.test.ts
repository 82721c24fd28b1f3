import { afterEach, describe, expect, it } from 'vitest';
import { issueLinkCode } from '../../src/core/auth/linkCodes';
import type { FakeChat } from '../fakes/fakeTelegram';
import { loadOrganisation } from '../helpers/organisationBot';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let h: TelegramHarness;
afterEach(async () => { await h?.stop(); });

const ketua = tgUser(8001, 'Ketua');
const member = tgUser(8002, 'Anggota');
const applicant = tgUser(8003, 'Pemohon');
const targetHead = tgUser(8004, 'KabidA');
const ownPenilai = tgUser(8005, 'KabidB');
const group: FakeChat = { id: -1001234567890, type: 'supergroup', title: 'Tim Satu Data' };

describe('Telegram adapter in a team group', () => {
  it('lets the ketua link the group, refuses other members’ presses, ignores chatter, and posts team news there', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    await h.link(ketua, NIP.pfMuda);
    await h.link(member, NIP.pelaksana);

    await h.send(h.tg.sendText(member, group, 'selamat pagi semua'));
    expect(h.tg.messagesTo(group.id)).toHaveLength(0);

    await h.send(h.tg.sendText(ketua, group, '/hubungkangrup@timkerja_uji_bot'));
    const picker = h.tg.messagesTo(group.id).at(-1)!;
    const teamButton = (picker.reply_markup!.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>).find((b) => b.text === 'Tim Satu Data')!;
    await h.send(h.tg.clickButton(member, picker, teamButton.callback_data));
    expect(h.tg.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)?.params.text).toMatch(/bukan untuk Bapak\/Ibu/);
    expect(await h.bot.db.teamChat.count()).toBe(0);

    await h.send(h.tg.clickButton(ketua, picker, teamButton.callback_data));
    expect(h.tg.messagesTo(group.id).at(-1)?.text).toBe('Grup ini sekarang terhubung dengan Tim Satu Data. Ringkasan dan pengumuman tim akan dikirim ke sini.');
    expect(await h.bot.db.teamChat.findFirstOrThrow()).toMatchObject({ platform: 'telegram', chatId: String(group.id) });

    await h.link(applicant, NIP.pfPertama);
    await h.link(targetHead, NIP.kabidA);
    await h.link(ownPenilai, NIP.kabidB);
    await h.send(h.tg.sendText(applicant, dm(applicant), '/ajukan'));
    await h.press(applicant, /^Tim Satu Data/);
    await h.send(h.tg.sendText(applicant, dm(applicant), 'Berpengalaman mengelola portal data selama empat tahun'));
    await h.press(applicant, 'Kirim');
    await h.press(ketua, 'Rekomendasikan'); // Samarinda: the team's ketua recommends first
    await h.press(targetHead, 'Setujui');
    await h.press(ownPenilai, 'Setujui');
    expect(h.tg.messagesTo(group.id).at(-1)?.text).toMatch(/^Pengajuan sukarela nomor 1 dari Statistisi Pertama Uji .* telah disetujui/);
  });

  it('never spends a link code sent in a group', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const pegawai = await h.bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.pfMuda } });
    const code = await h.bot.db.$transaction((tx) => issueLinkCode(tx, pegawai.id, pegawai.instansiId, new Date(Date.now() + 3600_000)));
    await h.send(h.tg.sendText(ketua, group, `/start@timkerja_uji_bot ${code}`));
    expect(h.tg.messagesTo(group.id).at(-1)?.text).toMatch(/^Demi keamanan, hubungkan akun melalui percakapan pribadi/);
    expect(await h.bot.db.linkCode.findFirstOrThrow()).toMatchObject({ usedAt: null });
  });
});
