import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { TestBot, type TestUser } from './botHarness';
import { loadOrganisation } from './organisationBot';

/**
 * The small organisation under a profile, with the Kabid Statistik (head of the owner unit), the
 * Pelaksana Uji and the ketua of Tim Statistik Sektoral linked; `before` runs inside /tunjuk,
 * after the person is chosen (a test checks the questions there), then the designation is issued
 * for the team's whole period.
 */
export async function designatePelaksana(profile: string, before?: (bot: TestBot, head: TestUser) => Promise<void>) {
  const bot = await TestBot.start();
  const { org, head, pelaksana, ketua } = await linkPeople(bot, profile);
  await bot.as(head).command('tunjuk');
  await bot.as(head).press('Tim Statistik Sektoral');
  await bot.as(head).press('Pelaksana Uji');
  await before?.(bot, head);
  await bot.as(head).say('Menyusun 12 tabel statistik sektoral per triwulan');
  await bot.as(head).press('Sampai akhir masa tim (31 Desember 2026)');
  await bot.as(head).press('Terbitkan');
  return { bot, org, head, pelaksana, ketua };
}

async function linkPeople(bot: TestBot, profile: string) {
  const org = await loadOrganisation(bot, smallOrganisation(profile));
  return { org, head: await org.link(NIP.kabidB), pelaksana: await org.link(NIP.pelaksana), ketua: await org.link(NIP.pfPertama) };
}
