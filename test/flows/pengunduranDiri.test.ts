import { afterEach, describe, expect, it } from 'vitest';
import { TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

async function resign(user: TestUser, reason: string, confirm = 'Ya, saya menyatakan') {
  await bot.as(user).command('mundur');
  await bot.as(user).press('Tim Satu Data');
  await bot.as(user).press(reason);
  await bot.as(user).press(confirm);
}

describe('resignation from a team (WF-10, Samarinda)', () => {
  it('AC-64: a member resigns through the ketua; the Penilai cannot decide before the ketua forwards', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pelaksana); // Penilai: Kabid Statistik
    const ketua = await org.link(NIP.pfMuda);
    const penilai = await org.link(NIP.kabidB);

    await resign(member, 'Cuti sakit');
    expect(bot.lastText(member)).toBe('Permohonan pengunduran diri nomor 1 telah dikirim kepada Pranata Muda Uji.');
    const request = await bot.db.pengunduranDiri.findFirstOrThrow();
    expect(request.status).toBe('SUBMITTED_TO_KETUA');
    const early = await bot.core.handleEvent({
      kind: 'button', token: bot.findButton(ketua, 'Teruskan ke Penilai'),
      meta: { eventKey: 'penilai-too-early', account: { platform: 'fake', workspace: '', accountId: penilai.accountId, chatId: penilai.chatId } },
    });
    expect(early.status).toBe('refused');

    await bot.as(ketua).press('Teruskan ke Penilai');
    expect((await bot.db.pengunduranDiri.findFirstOrThrow()).status).toBe('FORWARDED_TO_PENILAI');
    await bot.as(penilai).press('Setujui');
    expect((await bot.db.membership.findUniqueOrThrow({ where: { id: request.membershipId } })).status).toBe('ENDED');
    expect(bot.lastText(member)).toMatch(/^Pengunduran diri nomor 1 \(Pelaksana Uji, Tim Satu Data\): DISETUJUI oleh Kabid Statistik Uji/);
  });

  it('AC-65: a ketua resigns to their Penilai; on acceptance the owner unit’s head learns the team has no ketua', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda); // Penilai: Kabid Aptika, who also heads the owner unit
    const penilai = await org.link(NIP.kabidA);
    await resign(ketua, 'Mutasi');
    expect((await bot.db.pengunduranDiri.findFirstOrThrow()).status).toBe('SUBMITTED_TO_PENILAI');
    await bot.as(penilai).press('Setujui');
    expect(bot.inbox(penilai).some((m) => m.kind === 'text' && m.text === 'Tim Satu Data saat ini tidak memiliki ketua tim. Mohon tunjuk ketua tim pengganti.')).toBe(true);
    expect(await bot.db.membership.count({ where: { tim: { code: 'TIM-DATA' }, role: 'KETUA', status: 'ACTIVE' } })).toBe(0);
  });

  it('does not take a resignation tied to a violation of law or ethics on this path, and is not offered outside Samarinda', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pelaksana);
    await resign(member, 'Alasan teknis lainnya', 'Tidak');
    expect(bot.lastText(member)).toMatch(/^Pengunduran diri yang terkait pelanggaran/);
    expect(await bot.db.pengunduranDiri.count()).toBe(0);

    const tbb = await loadOrganisation(bot, smallOrganisation('TBB', 'kab-tbb'));
    const other = await tbb.link(NIP.pelaksana);
    expect((await bot.as(other).command('mundur')).status).toBe('refused');
  });
});
