import type { TestBot, TestUser } from './botHarness';

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
