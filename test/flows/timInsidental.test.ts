import { afterEach, describe, expect, it } from 'vitest';
import { messageText, TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

/** Tim Statistik Sektoral as a routine team with its ketua only; the Pelaksana of its unit volunteers and is accepted. */
async function volunteerIntoStatistik(profile: string) {
  bot = await TestBot.start();
  const organisation = smallOrganisation(profile);
  organisation.timKerja = organisation.timKerja.map((t) => (t.kode === 'TIM-STAT' ? { ...t, jenis: 'RUTIN' } : t));
  const org = await loadOrganisation(bot, organisation);
  const people = { pelaksana: await org.link(NIP.pelaksana), head: await org.link(NIP.kabidB), ketua: await org.link(NIP.pfPertama) };
  await volunteer(bot, people.pelaksana, /^Tim Statistik Sektoral/);
  await bot.as(people.head).press('Setujui');
  await bot.as(people.pelaksana).press('Terima penugasan');
  return people;
}

describe('Tulang Bawang Barat: a team formed from voluntary requests is a Tim Kerja Insidental (item 14)', () => {
  it('the first anggota joining a routine team by a voluntary request makes it insidental; the owner head and the ketua are told', async () => {
    const { head, ketua } = await volunteerIntoStatistik('TBB');
    expect((await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-STAT' } })).jenis).toBe('INSIDENTAL');
    for (const told of [head, ketua]) {
      expect(bot.inbox(told).map(messageText)).toContainEqual(expect.stringMatching(/^Tim Statistik Sektoral kini tercatat sebagai Tim Kerja Insidental: .*\(dasar: 001-TBB Lamp\. c\. \(jenis Tim Kerja\) huruf b/));
    }
    expect(await bot.db.auditLog.findFirst({ where: { action: 'tim.insidental' } })).toMatchObject({ outcome: 'OK', rule: expect.stringMatching(/^001-TBB/) });
  });

  it('a team that had anggota before keeps its kind', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('TBB'));
    const applicant = await org.link(NIP.pfPertama);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    for (const nip of [NIP.kabidB, NIP.kabidA, NIP.kabidB]) await bot.as(await org.link(nip)).press(/^(Setujui|Mengetahui)$/);
    await bot.as(applicant).press('Terima penugasan');
    expect(await bot.db.membership.count({ where: { pegawaiId: applicant.pegawaiId, status: 'ACTIVE', tim: { code: 'TIM-DATA' } } })).toBe(1);
    expect((await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-DATA' } })).jenis).toBe('RUTIN');
  });

  it('elsewhere the regulation has no such kind: the team stays routine', async () => {
    await volunteerIntoStatistik('SMD');
    expect((await bot.db.timKerja.findFirstOrThrow({ where: { code: 'TIM-STAT' } })).jenis).toBe('RUTIN');
    expect(await bot.db.auditLog.count({ where: { action: 'tim.insidental' } })).toBe(0);
  });
});
