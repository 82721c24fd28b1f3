import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('numbers taken at the same moment', () => {
  // On PostgreSQL the three turns run at once and may read the same last number; the later
  // inserts are refused by the unique index and their turns run again (src/core/engine/handleEvent.ts).
  it('three people sending a request at once each get a number of their own and their answer', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const asks = [
      { user: await org.link(NIP.pfPertama), team: /^Tim Satu Data/ },
      { user: await org.link(NIP.pfMuda), team: /^Tim Statistik Sektoral/ },
      { user: await org.link(NIP.pfMadya), team: /^Tim Statistik Sektoral/ },
    ];
    for (const { user, team } of asks) {
      await bot.as(user).command('ajukan');
      await bot.as(user).press(team);
      await bot.as(user).say('Saya berpengalaman mengolah data statistik sektoral selama lima tahun');
    }
    const results = await Promise.all(asks.map(({ user }) => bot.as(user).press('Kirim')));
    expect(results.map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
    const numbers = (await bot.db.penugasan.findMany({ select: { number: true } })).map((p) => p.number).sort();
    expect(numbers).toEqual([1, 2, 3]);
    for (const { user } of asks) expect(bot.inbox(user).map(messageText).filter((t) => /^Pengajuan nomor \d telah dikirim kepada/.test(t))).toHaveLength(1);
  });
});
