import { TestBot, type TestUser } from './botHarness';
import { loadOrganisation } from './organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

/** An applicant runs /ajukan to the end: picks the team, writes a motivation, sends. */
export async function volunteer(bot: TestBot, applicant: TestUser, team: RegExp): Promise<void> {
  await bot.as(applicant).command('ajukan');
  await bot.as(applicant).press(team);
  await bot.as(applicant).say('Saya berpengalaman mengolah data statistik sektoral selama lima tahun');
  await bot.as(applicant).press('Kirim');
}

/**
 * Samarinda (formats 4b and 5): the ketua of the team asked to join recommends first; Tim Satu
 * Data's ketua is the Pranata Muda Uji. Pass a reason's label to recommend against.
 */
export async function recommendAsKetua(bot: TestBot, ketua: TestUser, against?: RegExp): Promise<void> {
  if (!against) {
    await bot.as(ketua).press('Rekomendasikan');
    return;
  }
  await bot.as(ketua).press('Tidak merekomendasikan');
  await bot.as(ketua).press(against);
}

/**
 * The small organisation under a profile with the Statistisi (applicant), the Kabid Aptika (head
 * of Tim Satu Data's unit), the applicant's own Penilai and the team's ketua linked; the Statistisi
 * has just asked to join Tim Satu Data, another unit's team.
 */
export async function requestToJoinSatuData(profile = 'SMD') {
  const bot = await TestBot.start();
  const org = await loadOrganisation(bot, smallOrganisation(profile));
  const people = {
    applicant: await org.link(NIP.pfPertama), targetHead: await org.link(NIP.kabidA), ownPenilai: await org.link(NIP.kabidB), ketua: await org.link(NIP.pfMuda),
  };
  await volunteer(bot, people.applicant, /^Tim Satu Data/);
  return { bot, org, ...people };
}
