import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('kendala escalation (WF-8)', () => {
  it('AC-58: one head decides, the members’ home heads follow up, and a decision by a follower is refused', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda); // Tim Satu Data: owner Bidang Aptika, members also from Bidang Statistik
    const owner = await org.link(NIP.kabidA);
    const follower = await org.link(NIP.kabidB);
    const member = await org.link(NIP.pelaksana);

    await bot.as(ketua).command('kendala');
    await bot.as(ketua).say('Data kependudukan terlambat diterima');
    await bot.as(ketua).say('Akses basis data Disdukcapil belum dibuka');
    await bot.as(ketua).say('Surat permintaan akses dari Kepala Dinas');
    await bot.as(ketua).say('Perjanjian kerja sama antarperangkat daerah');
    await bot.as(ketua).press('Selesai');
    await bot.as(ketua).press('Ya, perlu kolaborasi');
    expect(bot.lastText(ketua)).toBe('Kendala nomor 1 telah disampaikan kepada 2 pimpinan.');
    expect(bot.lastText(owner)).toMatch(/Permasalahan: Data kependudukan terlambat diterima\nKendala: Akses basis data/);

    const decideToken = bot.findButton(owner, 'Pilih alternatif 2');
    const forged = await bot.as(follower).pressToken(decideToken);
    expect(forged.status).toBe('refused');
    expect(bot.lastText(follower)).toMatch(/^Hanya pimpinan unit pemilik kinerja yang memutuskan/);
    expect(() => bot.findButton(follower, /Pilih alternatif/)).toThrow();

    await bot.as(follower).press('Catat tindak lanjut');
    await bot.as(follower).say('Pelaksana Uji ditugaskan menyiapkan draf perjanjian.');
    expect(bot.lastText(ketua)).toBe('Tindak lanjut kendala nomor 1 dari Kabid Statistik Uji: Pelaksana Uji ditugaskan menyiapkan draf perjanjian.');

    await bot.as(ketua).command('kendalaterbuka');
    expect(bot.lastText(ketua)).toMatch(/- Nomor 1, Tim Satu Data: Akses basis data Disdukcapil belum dibuka \(terbuka 0 hari\)/);

    await bot.as(owner).press('Pilih alternatif 2');
    const decided = await bot.db.kendala.findFirstOrThrow({ include: { followUps: true } });
    expect(decided).toMatchObject({ status: 'DECIDED', decision: 'alternatif 2: Perjanjian kerja sama antarperangkat daerah' });
    expect(decided.followUps).toHaveLength(1);
    expect(bot.lastText(member)).toMatch(/^Kendala nomor 1, Tim Satu Data: DIPUTUSKAN oleh Kabid Aptika Uji/);
    expect(bot.inbox(owner).some((m) => m.kind === 'text' && /^Kendala nomor 1\nDIPUTUSKAN/.test(m.text))).toBe(true);
  });

  it('sends a kendala without collaboration to the owner’s head only', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const ketua = await org.link(NIP.pfMuda);
    await bot.as(ketua).command('kendala');
    for (const line of ['Server sering mati', 'Anggaran pemeliharaan habis', 'Pindah ke pusat data daerah']) await bot.as(ketua).say(line);
    await bot.as(ketua).press('Selesai');
    await bot.as(ketua).press('Tidak');
    const recipients = await bot.db.kendalaRecipient.findMany();
    expect(recipients.map((r) => r.role)).toEqual(['DECIDER']);
  });
});
