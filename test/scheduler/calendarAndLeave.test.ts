import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { parseDateRange } from '../../src/core/domain/cuti/leave';
import { remindersOf, tickAt } from './schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('scheduler: calendar warnings, leave recorded by the ketua, digests in the team group', () => {
  it('warns the admin once when the current year is only estimated or missing from the calendar', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const admin = await org.link(NIP.admin);
    expect((await tickAt(bot, '2026-11-26T01:00:00Z')).kalender).toBe(0);
    expect((await tickAt(bot, '2027-01-04T01:00:00Z')).kalender).toBe(1);
    expect(bot.lastText(admin)).toMatch(/^Sebagian hari libur nasional tahun 2027 masih berupa perkiraan\./);
    expect((await tickAt(bot, '2027-01-04T01:01:00Z')).kalender).toBe(0);
    expect((await tickAt(bot, '2028-01-03T01:00:00Z')).kalender).toBe(1);
    expect(bot.lastText(admin)).toMatch(/^Kalender hari libur untuk tahun 2028 belum tersedia\./);
  });

  it('lets a ketua record leave for a member, who is told and not reminded', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda);
    const madya = await org.link(NIP.pfMadya);
    await bot.as(ketua).command('cuti');
    await bot.as(ketua).press('Analis Madya Uji');
    await bot.as(ketua).press('Cuti tahunan');
    await bot.as(ketua).say('31 November 2026');
    expect(bot.lastText(ketua)).toMatch(/^Tanggal tidak dapat dibaca\./);
    await bot.as(ketua).say('2026-11-25 s.d. 2026-11-27');
    await bot.as(ketua).press('Simpan');
    expect(bot.lastText(madya)).toBe('Pranata Muda Uji mencatat Cuti tahunan untuk Bapak/Ibu dari 25 November 2026 sampai 27 November 2026. Selama itu tidak ada pengingat laporan.');
    await tickAt(bot, '2026-11-26T07:00:00Z');
    expect(remindersOf(bot, madya)).toEqual([]);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'cuti.catat' } })).toMatchObject({ actorId: ketua.pegawaiId, outcome: 'OK' });
  });

  it('reads the date forms people write', () => {
    expect(parseDateRange('1/12/2026 s.d. 5/12/2026')).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-05' });
    expect(parseDateRange('1 Desember 2026 sampai 3 Desember 2026')).toEqual({ startsOn: '2026-12-01', endsOn: '2026-12-03' });
    expect(parseDateRange('2026-12-07')).toEqual({ startsOn: '2026-12-07', endsOn: '2026-12-07' });
    expect(parseDateRange('5/12/2026 - 1/12/2026')).toBeNull();
    expect(parseDateRange('29/02/2026')).toBeNull();
    expect(parseDateRange('besok')).toBeNull();
  });

  it('also posts the digest in the team\'s linked group when the instansi asks for it', async () => {
    bot = await TestBot.start();
    const org = smallOrganisation('SMD');
    const instansi = { ...org.instansi, pengaturan: { ringkasanKeGrup: true, ringkasan: { hari: 'KAMIS', jam: '09:00' } } };
    const loaded = await loadOrganisation(bot, { ...org, instansi } as typeof org);
    const ketua = await loaded.link(NIP.pfMuda);
    const tim = await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-DATA' } });
    await bot.db.teamChat.create({ data: { timId: tim.id, platform: 'fake', workspace: '', chatId: 'grup-data', linkedById: ketua.pegawaiId, linkedAt: new Date() } });
    expect((await tickAt(bot, '2026-11-26T00:59:00Z')).ringkasan).toBe(0);
    await tickAt(bot, '2026-11-26T01:00:00Z'); // Thursday 09:00 WITA
    const group = bot.messenger.visibleTo('grup-data');
    expect(group).toHaveLength(1);
    expect(group[0]!.kind === 'text' && group[0]!.text).toMatch(/^Ringkasan mingguan Tim Satu Data, periode 23 November 2026/);
  });
});
