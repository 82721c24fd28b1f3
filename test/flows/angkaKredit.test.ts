import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('angka kredit side activities (WF-12, Karanganyar)', () => {
  it('lets a PF ask the Kepala UO, who decides; the PF and their Penilai are told, and nobody else may decide', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('KRA'));
    const pf = await org.link(NIP.pfMadya); // home unit Bidang Aptika (Kabid Aptika), Penilai: Kepala Dinas
    const kepalaUnit = await org.link(NIP.kabidA);
    const penilai = await org.link(NIP.kadis);

    await bot.as(pf).command('angkakredit');
    await bot.as(pf).say('Menyusun kajian kebijakan keamanan informasi, Desember 2026');
    expect(bot.lastText(kepalaUnit)).toMatch(/^Permohonan nomor 1: butir kegiatan untuk angka kredit \(004-KRA Ps 10\(4\)\)/);

    expect((await bot.as(penilai).pressToken(bot.findButton(kepalaUnit, 'Setujui'))).status).toBe('refused');
    await bot.as(kepalaUnit).press('Setujui');

    expect((await bot.db.permohonanAngkaKredit.findFirstOrThrow()).status).toBe('APPROVED');
    expect(bot.lastText(pf)).toMatch(/DISETUJUI oleh Kabid Aptika Uji/);
    expect(bot.lastText(penilai)).toMatch(/^Permohonan angka kredit nomor 1 dari Analis Madya Uji/);
  });

  it('refuses a pelaksana, and is not offered outside Karanganyar', async () => {
    bot = await TestBot.start();
    const kra = await loadOrganisation(bot, smallOrganisation('KRA', 'kab-kra'));
    const pelaksana = await kra.link(NIP.pelaksana);
    expect((await bot.as(pelaksana).command('angkakredit')).status).toBe('refused');
    const smd = await loadOrganisation(bot, smallOrganisation('SMD', 'kota-smd'));
    const pf = await smd.link(NIP.pfMadya);
    expect((await bot.as(pf).command('angkakredit')).status).toBe('refused');
  });
});
