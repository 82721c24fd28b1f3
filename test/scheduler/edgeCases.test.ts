import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { remindersOf, sendWeeklyReport, tickAt } from './schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });


describe('scheduler: the edges a real week has', () => {
  it('absorbs a rung that falls inside a snooze, and sends the snooze once', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    await tickAt(bot, '2026-11-26T07:00:00Z'); // Thursday 15:00 WITA
    await tickAt(bot, '2026-11-27T04:30:00Z'); // Friday 12:30: nothing new
    await bot.as(madya).press('Ingatkan 1 jam lagi'); // until 13:30
    // The 13:00 rung is inside the snooze: the other anggota gets it, the snoozer does not.
    expect((await tickAt(bot, '2026-11-27T05:00:00Z')).laporan).toBe(1);
    expect(remindersOf(bot, madya)).toHaveLength(1);
    expect((await tickAt(bot, '2026-11-27T05:30:00Z')).tunda).toBe(1);
    expect((await tickAt(bot, '2026-11-27T05:31:00Z'))).toMatchObject({ laporan: 0, tunda: 0 });
    expect(remindersOf(bot, madya)).toHaveLength(2);
  });

  it('drops a snooze whose week closed before it ended instead of reminding about next week', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    await tickAt(bot, '2026-11-27T05:00:00Z'); // Friday 13:00
    await bot.as(madya).press('Besok pagi');
    expect(bot.lastText(madya)).toBe('Baik, Bapak/Ibu akan diingatkan lagi 30 November 2026 pukul 08.00.');
    expect((await tickAt(bot, '2026-11-30T00:00:00Z')).tunda).toBe(0);
    expect(remindersOf(bot, madya)).toHaveLength(1);
  });

  it('does not remind a member of two teams again after they report one of them', async () => {
    bot = await TestBot.start();
    const org = smallOrganisation('SMD');
    org.timKerja[1]!.anggota.push({ nip: NIP.pelaksana, peran: 'ANGGOTA' });
    const loaded = await loadOrganisation(bot, org);
    const pelaksana = await loaded.link(NIP.pelaksana);
    expect((await tickAt(bot, '2026-11-27T01:00:00Z')).laporan).toBeGreaterThan(0); // Friday 09:00, after an outage
    await sendWeeklyReport(bot, pelaksana);
    expect((await tickAt(bot, '2026-11-27T01:05:00Z')).laporan).toBe(0);
    expect(remindersOf(bot, pelaksana)).toHaveLength(1);
  });

  it('does not excuse a late report with leave written afterwards by the member', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    bot.clock.set(new Date('2026-11-27T09:00:00Z')); // Friday 17:00, two hours after the due time
    await bot.as(madya).command('cuti');
    await bot.as(madya).press('Lainnya');
    await bot.as(madya).say('27/11/2026');
    await bot.as(madya).press('Simpan');
    await sendWeeklyReport(bot, madya);
    expect(await bot.db.laporan.findFirstOrThrow({ where: { kind: 'KEMAJUAN_ANGGOTA' } })).toMatchObject({ late: true });
  });

  it('refuses leave that starts long ago or runs for months', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    await bot.as(madya).command('cuti');
    await bot.as(madya).press('Cuti tahunan');
    await bot.as(madya).say('1/10/2026 s.d. 2/10/2026');
    expect(bot.lastText(madya)).toMatch(/^Cuti dapat dicatat paling awal 7 hari ke belakang dan paling lama 90 hari\./);
    await bot.as(madya).say('1/12/2026 s.d. 31/12/2099');
    expect(bot.lastText(madya)).toMatch(/^Cuti dapat dicatat paling awal/);
    expect(await bot.db.cuti.count()).toBe(0);
  });

  it('sends the digest of a week whose Friday is a holiday on the next working day, for that week', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda);
    expect((await tickAt(bot, '2026-04-03T08:00:00Z')).ringkasan).toBe(0); // Good Friday
    expect((await tickAt(bot, '2026-04-06T08:00:00Z')).ringkasan).toBeGreaterThan(0); // Monday 16:00
    expect((await tickAt(bot, '2026-04-10T08:00:00Z')).ringkasan).toBeGreaterThan(0); // the next Friday, its own week
    const digests = bot.inbox(ketua).flatMap((m) => ((m.kind === 'text' || m.kind === 'choice') && m.text.startsWith('Ringkasan mingguan Tim Satu Data') ? [m.text.split('\n')[0]] : []));
    expect(digests).toEqual([
      'Ringkasan mingguan Tim Satu Data, periode 30 Maret 2026 s.d. 5 April 2026',
      'Ringkasan mingguan Tim Satu Data, periode 6 April 2026 s.d. 12 April 2026',
    ]);
  });
});
