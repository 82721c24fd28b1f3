import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('laporan tim (R3)', () => {
  it('drafts the team report from the members’ reports, takes the ketua’s note, and sends it to the owner unit’s head', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pfMadya);
    const ketua = await org.link(NIP.pfMuda);
    const ownerHead = await org.link(NIP.kabidA);
    await bot.as(member).command('lapor');
    for (const answer of ['12', 'Menerbitkan dataset kependudukan', '12 dataset']) await bot.as(member).say(answer);
    await bot.as(member).press('Lanjut');
    await bot.as(member).say('Server portal sering mati');
    await bot.as(member).say('Menerbitkan 10 dataset berikutnya');
    await bot.as(member).press('Kirim');

    await bot.as(ketua).command('laporantim');
    const draft = bot.lastText(ketua);
    expect(draft).toContain('- Analis Madya Uji: sudah melapor');
    expect(draft).toContain('- Pelaksana Uji: belum melapor');
    expect(draft).toContain('- Dataset terbit: 12 dari 40 dataset');
    expect(draft).toContain('- Analis Madya Uji: Server portal sering mati');
    await bot.as(ketua).press('Tambah catatan');
    await bot.as(ketua).say('Pelaksana Uji sedang cuti sakit.');
    expect(bot.lastText(ketua)).toContain('Catatan ketua tim: Pelaksana Uji sedang cuti sakit.');
    await bot.as(ketua).press('Kirim');

    const report = await bot.db.laporan.findFirstOrThrow({ where: { kind: 'TIM' }, include: { addressees: true } });
    expect(report.status).toBe('SUBMITTED');
    expect(report.addressees.map((a) => a.pegawaiId)).toEqual([ownerHead.pegawaiId]);
    expect(bot.lastText(ownerHead)).toMatch(/^Laporan tim dari ketua tim Pranata Muda Uji \(000-SMD Ps 13\(2\)\)[\s\S]*Catatan ketua tim: Pelaksana Uji sedang cuti sakit\./);
    await bot.as(ownerHead).press('Terima');
    expect(bot.lastText(ketua)).toMatch(/DITERIMA oleh Kabid Aptika Uji/);
    await bot.as(ketua).command('laporantim');
    expect(bot.lastText(ketua)).toBe('Laporan tim untuk periode ini sudah dikirim.');
  });

  it('is not offered to someone who leads no team', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const member = await org.link(NIP.pfMadya);
    expect((await bot.as(member).command('laporantim')).status).toBe('refused');
  });
});
