import type { TestBot, TestUser } from './botHarness';

/** An applicant runs /ajukan to the end: picks the team, writes a motivation, sends. */
export async function volunteer(bot: TestBot, applicant: TestUser, team: RegExp): Promise<void> {
  await bot.as(applicant).command('ajukan');
  await bot.as(applicant).press(team);
  await bot.as(applicant).say('Saya berpengalaman mengolah data statistik sektoral selama lima tahun');
  await bot.as(applicant).press('Kirim');
}
