import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const buttonLabels = (message: ReturnType<TestBot['inbox']>[number] | undefined) =>
  message?.kind === 'choice' ? message.rows.flat().map((b) => b.label) : [];

describe('laporan diminta sewaktu-waktu (R4)', () => {
  it('lets the owner unit’s head ask the ketua for a report by a deadline and receive the late answer marked late', async () => {
    bot = await TestBot.start(); // Monday 10:00 WITA
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const head = await org.link(NIP.kabidA);
    const ketua = await org.link(NIP.pfMuda);

    await bot.as(head).command('mintalaporan');
    await bot.as(head).press('Tim Satu Data');
    expect(buttonLabels(bot.inbox(head).at(-1))).toEqual(['Pranata Muda Uji (ketua tim)', 'Analis Madya Uji (anggota)', 'Pelaksana Uji (anggota)']);
    await bot.as(head).press('Pranata Muda Uji (ketua tim)');
    await bot.as(head).press('Hari ini pukul 16.00');
    await bot.as(head).say('Progres integrasi data kependudukan untuk rapat pimpinan');
    expect(bot.lastText(head)).toBe('Permintaan laporan telah dikirim kepada Pranata Muda Uji, batas waktu 23 November 2026 pukul 16.00.');
    expect(bot.lastText(ketua)).toMatch(/^Permintaan laporan dari Kabid Aptika Uji \(000-SMD Ps 13\(4\)\)/);
    expect((await bot.db.laporan.findFirstOrThrow({ where: { kind: 'DIMINTA' } })).status).toBe('REQUESTED');

    bot.clock.set(new Date('2026-11-23T09:30:00Z')); // 17:30 WITA, after the deadline
    await bot.as(ketua).press('Jawab');
    await bot.as(ketua).say('Integrasi 80 persen; sisa dua tabel menunggu akses basis data.');

    const answered = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'DIMINTA' } });
    expect(answered).toMatchObject({ status: 'SUBMITTED', late: true });
    expect(bot.lastText(head)).toMatch(/^Laporan yang diminta dari Pranata Muda Uji — TERLAMBAT[\s\S]*Integrasi 80 persen/);
    await bot.as(head).press('Terima');
    expect(bot.lastText(ketua)).toMatch(/DITERIMA oleh Kabid Aptika Uji/);
    await bot.as(ketua).press('Jawab');
    expect(bot.lastText(ketua)).toBe('Permintaan laporan ini sudah dijawab.');
  });

  it('AC-53: offers only the ketua in Magelang, where a report may be demanded from the ketua alone', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('MGL'));
    const head = await org.link(NIP.kabidA);
    await bot.as(head).command('mintalaporan');
    await bot.as(head).press('Tim Satu Data');
    expect(buttonLabels(bot.inbox(head).at(-1))).toEqual(['Pranata Muda Uji (ketua tim)']);
  });

  it('is not available to someone who heads no unit owning a team', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pfMadya);
    expect((await bot.as(member).command('mintalaporan')).status).toBe('refused');
  });
});
