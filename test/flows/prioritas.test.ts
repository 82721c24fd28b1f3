import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { recommendAsKetua, requestToJoinSatuData } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

/** Statistisi Pertama leads a team of her own unit and is also a member of a team of another unit. */
function twoTeams(profile: string) {
  const org = smallOrganisation(profile);
  org.timKerja[0]!.anggota.push({ nip: NIP.pfPertama, peran: 'ANGGOTA' });
  org.timKerja[1]!.anggota.push({ nip: NIP.pelaksana, peran: 'ANGGOTA' });
  return org;
}

describe('rule P: own-unit work first', () => {
  it.each([
    ['SMD', ' — prioritas rendah (000-SMD Ps 11(2))'],
    ['KRA', ' — tugas tambahan (004-KRA Ps 12(2))'],
    ['TBB', ''],
  ])('AC-67: lists own-unit teams first and labels the others under %s', async (profile, label) => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, twoTeams(profile));
    const official = await org.link(NIP.pfPertama);
    await bot.as(official).command('tugas');
    const lines = bot.lastText(official).split('\n').slice(1);
    expect(lines).toEqual([
      '- Tim Statistik Sektoral (ketua tim), unit pemilik kinerja Bidang Statistik, sampai 31 Desember 2026',
      `- Tim Satu Data (anggota), unit pemilik kinerja Bidang Aplikasi Informatika, sampai 31 Desember 2026${label}`,
    ]);
  });

  it('AC-68: shows the rule on a cross-unit approval card', async () => {
    const started = await requestToJoinSatuData();
    bot = started.bot;
    const { targetHead, ketua } = started;
    await recommendAsKetua(bot, ketua);
    expect(bot.lastText(targetHead)).toMatch(/Dasar: 000-SMD Lamp\. BAB II\.B\.10\.b\.ii langkah 1-2 — prioritas rendah \(000-SMD Ps 11\(2\)\)$/);
  });
});
