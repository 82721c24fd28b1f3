import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

function withJuniorPelaksana(profile: string) {
  const org = smallOrganisation(profile);
  Object.assign(org.pegawai[7]!, { pendidikan: 'SMA', golongan: 'II/c' });
  return org;
}

describe('designating a replacement ketua tim (WF-11)', () => {
  it('refuses a candidate below D3 or III/b in Tulang Bawang Barat, naming the criteria, and designates an eligible one', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, withJuniorPelaksana('TBB'));
    const head = await org.link(NIP.kabidA);
    const oldKetua = await org.link(NIP.pfMuda);

    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    const refused = await bot.as(head).press(/^Pelaksana Uji/);
    expect(refused.status).toBe('refused');
    expect(bot.lastText(head)).toBe('Pelaksana Uji belum memenuhi syarat ketua tim pengganti (001-TBB Lamp. D.f): pendidikan minimal D3, tercatat SMA; golongan ruang minimal III/b, tercatat II/c.');

    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Analis Madya Uji/);
    const ketua = await bot.db.membership.findMany({ where: { tim: { code: 'TIM-DATA' }, role: 'KETUA', status: 'ACTIVE' }, include: { pegawai: true } });
    expect(ketua.map((m) => m.pegawai.nip)).toEqual([NIP.pfMadya]);
    expect(bot.lastText(oldKetua)).toBe('Analis Madya Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
  });

  it('sets no education or rank bar where the regulation sets none (Samarinda)', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, withJuniorPelaksana('SMD'));
    const head = await org.link(NIP.kabidA);
    await bot.as(head).command('tunjukketua');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/^Pelaksana Uji/);
    expect(bot.lastText(head)).toBe('Pelaksana Uji ditunjuk sebagai ketua Tim Satu Data oleh Kabid Aptika Uji.');
  });
});
