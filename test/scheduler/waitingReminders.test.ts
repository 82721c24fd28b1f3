import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { recommendAsKetua, volunteer } from '../helpers/volunteer';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { tickAt } from './schedulerHarness';
import { askForOfficial, involvementBot } from '../helpers/involvement';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

describe('scheduler: approvers and requested reports are reminded, never overruled', () => {
  it('reminds the Penilai dituju of a request for their official in the name of the head who asked (WF-2)', async () => {
    const started = await involvementBot('SMD');
    bot = started.bot;
    await askForOfficial(bot, started.requester, /^Pranata Muda Uji/);
    expect((await tickAt(bot, '2026-11-25T00:00:00Z')).persetujuan).toBe(1); // Wednesday 08:00 WITA: two working days
    expect(bot.lastText(started.kabidAptika)).toMatch(/^Pengingat: permohonan nomor 1 dari Kabid Statistik Uji \(Tim Statistik Sektoral\) menunggu keputusan Bapak\/Ibu/);
  });

  it('reminds an approver after two working days in office hours, then tells their superior, and approves nothing', async () => {
    bot = await TestBot.start(); // Monday 23 November 2026, 10:00 WITA
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const applicant = await org.link(NIP.pfPertama);
    const head = await org.link(NIP.kabidA);
    const kadis = await org.link(NIP.kadis);
    const ketua = await org.link(NIP.pfMuda);
    await volunteer(bot, applicant, /^Tim Satu Data/);
    await recommendAsKetua(bot, ketua);

    expect((await tickAt(bot, '2026-11-24T02:00:00Z')).persetujuan).toBe(0); // Tuesday: one working day
    expect((await tickAt(bot, '2026-11-24T23:30:00Z')).persetujuan).toBe(0); // Wednesday 07:30 WITA: before office hours
    expect((await tickAt(bot, '2026-11-25T00:00:00Z')).persetujuan).toBe(1); // Wednesday 08:00 WITA
    expect(bot.lastText(head)).toBe('Pengingat: permohonan nomor 1 dari Statistisi Pertama Uji (Tim Satu Data) menunggu keputusan Bapak/Ibu sejak 23 November 2026 (2 hari kerja). Pesan permohonannya ada di atas; keputusan tetap di tangan Bapak/Ibu.');
    expect((await tickAt(bot, '2026-11-25T03:00:00Z')).persetujuan).toBe(0);

    expect((await tickAt(bot, '2026-11-27T00:00:00Z')).persetujuan).toBe(2); // Friday: four working days
    expect(bot.lastText(kadis)).toMatch(/^Untuk diketahui: permohonan nomor 1 dari Statistisi Pertama Uji \(Tim Satu Data\) menunggu keputusan Kabid Aptika Uji sejak 23 November 2026 \(4 hari kerja\)\. .*tidak disetujui otomatis\.$/);
    const step = await bot.db.approvalStep.findFirstOrThrow({ where: { performer: 'TARGET_PIMPINAN_UO' } });
    expect(step.status).toBe('PENDING');
  });

  it('reminds the addressee of a requested report before its deadline and once it is late', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const head = await org.link(NIP.kabidA);
    const ketua = await org.link(NIP.pfMuda);
    await bot.as(head).command('mintalaporan');
    await bot.as(head).press('Tim Satu Data');
    await bot.as(head).press(/Pranata Muda Uji/);
    await bot.as(head).press('Hari ini pukul 16.00');
    await bot.as(head).say('Progres integrasi data kependudukan');

    expect((await tickAt(bot, '2026-11-23T05:59:00Z')).diminta).toBe(0);
    expect((await tickAt(bot, '2026-11-23T06:00:00Z')).diminta).toBe(1); // 14:00 WITA, two hours before
    expect(bot.lastText(ketua)).toBe('Pengingat: laporan yang diminta Kabid Aptika Uji tentang "Progres integrasi data kependudukan" (Tim Satu Data) ditunggu paling lambat 23 November 2026 pukul 16.00.');
    expect((await tickAt(bot, '2026-11-23T09:00:00Z')).diminta).toBe(1); // 17:00, an hour late
    expect(bot.lastText(ketua)).toMatch(/sudah melewati batas waktu 23 November 2026 pukul 16\.00/);
    await bot.as(ketua).press('Jawab');
    await bot.as(ketua).say('Integrasi selesai 80 persen, sisa data kecamatan.');
    expect((await tickAt(bot, '2026-11-24T09:00:00Z')).diminta).toBe(0);
  });
});
