import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { runAdmin } from '../../src/admin/adminCli';
import { remindersOf, tickAt } from './schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

const silent = { line: () => undefined, error: () => undefined };

describe('scheduler: reminders at the right local time, on working days, only to who is pending', () => {
  it('fires WITA and WIB instansi at their own 15:00 the day before the due time', async () => {
    bot = await TestBot.start();
    const wita = await loadOrganisation(bot, smallOrganisation('SMD', 'kota-wita'));
    const wibOrg = smallOrganisation('TBB', 'kab-wib');
    wibOrg.instansi.zonaWaktu = 'Asia/Jakarta';
    const wib = await loadOrganisation(bot, wibOrg);
    const inWita = await wita.link(NIP.pfMadya);
    const inWib = await bot.link(await wib.idOf(NIP.pfMadya), 'wib-madya');

    expect((await tickAt(bot, '2026-11-26T06:59:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-11-26T07:00:00Z')).laporan).toBe(2); // 15:00 WITA: both WITA anggota
    expect(remindersOf(bot, inWita)).toHaveLength(1);
    expect(remindersOf(bot, inWib)).toHaveLength(0);
    expect((await tickAt(bot, '2026-11-26T07:59:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-11-26T08:00:00Z')).laporan).toBe(2); // 15:00 WIB
    expect(remindersOf(bot, inWib)).toHaveLength(1);
    expect(remindersOf(bot, inWib)[0]).toContain('Batas waktu: 27 November 2026 pukul 15.00');
  });

  it('moves a reminder off a national holiday and a cuti bersama to the next working day', async () => {
    bot = await TestBot.start();
    const org = smallOrganisation('SMD');
    org.timKerja[0]!.laporan = { hari: 'SELASA', jam: '15:00' };
    const loaded = await loadOrganisation(bot, org);
    const madya = await loaded.link(NIP.pfMadya);
    // Monday 16 Feb 2026 is cuti bersama Imlek, Tuesday 17 Feb is Tahun Baru Imlek: the rungs
    // (Mon 15:00, Tue 13:00, Tue 16:00 WITA) all move to Wednesday 18 Feb.
    expect((await tickAt(bot, '2026-02-16T07:00:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-02-17T05:00:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-02-17T08:00:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-02-18T04:59:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-02-18T05:00:00Z')).laporan).toBe(2); // Wed 13:00 WITA
    expect(remindersOf(bot, madya)).toHaveLength(1);

    // A day off the admin adds (a regional cuti bersama, Tuesday 1 Dec) moves that day's rungs to Wednesday.
    expect(await runAdmin(['libur', 'tambah', '2026-12-01', 'Cuti', 'bersama', 'daerah'], bot.db, {}, silent, new Date('2026-11-30T00:00:00Z'))).toBe(0);
    expect((await tickAt(bot, '2026-11-30T07:00:00Z')).laporan).toBe(2); // Mon 15:00, the day before
    expect((await tickAt(bot, '2026-12-01T05:00:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-12-01T08:00:00Z')).laporan).toBe(0);
    expect((await tickAt(bot, '2026-12-02T05:00:00Z')).laporan).toBe(2); // Wed 13:00
  });

  it('reminds only people still pending, and none on leave; leave also clears the late mark', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    const pelaksana = await org.link(NIP.pelaksana);
    const ketua = await org.link(NIP.pfMuda);
    await bot.as(pelaksana).command('cuti');
    await bot.as(pelaksana).press('Cuti sakit');
    await bot.as(pelaksana).say('26/11/2026 s.d. 27/11/2026');
    expect(bot.lastText(pelaksana)).toBe('Catat Cuti sakit untuk Pelaksana Uji dari 26 November 2026 sampai 27 November 2026?');
    await bot.as(pelaksana).press('Simpan');
    expect(bot.lastText(ketua)).toBe('Pelaksana Uji mencatat Cuti sakit dari 26 November 2026 sampai 27 November 2026.');

    await tickAt(bot, '2026-11-26T07:00:00Z');
    expect(remindersOf(bot, madya)).toHaveLength(1);
    expect(remindersOf(bot, pelaksana)).toHaveLength(0);

    // After the due time (Fri 15:00), the member on leave reports: not late.
    bot.clock.set(new Date('2026-11-28T02:00:00Z'));
    await bot.as(pelaksana).command('lapor');
    for (const answer of ['3', 'Menyiapkan metadata', '-']) await bot.as(pelaksana).say(answer);
    await bot.as(pelaksana).press('Lanjut');
    await bot.as(pelaksana).press('Tidak ada kendala');
    await bot.as(pelaksana).say('Melanjutkan metadata');
    await bot.as(pelaksana).press('Kirim');
    expect(await bot.db.laporan.findFirstOrThrow({ where: { kind: 'KEMAJUAN_ANGGOTA' } })).toMatchObject({ status: 'SUBMITTED', late: false });
    expect(bot.lastText(pelaksana)).not.toContain('terlambat');
  });

  it('snoozes a reminder for an hour or until the next working morning', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    await tickAt(bot, '2026-11-26T07:00:00Z'); // Thursday 15:00 WITA
    await bot.as(madya).press('Ingatkan 1 jam lagi');
    expect(bot.lastText(madya)).toBe('Baik, Bapak/Ibu akan diingatkan lagi 26 November 2026 pukul 16.00.');
    expect((await tickAt(bot, '2026-11-26T07:59:00Z')).tunda).toBe(0);
    expect((await tickAt(bot, '2026-11-26T08:00:00Z')).tunda).toBe(1);
    expect((await tickAt(bot, '2026-11-26T08:01:00Z')).tunda).toBe(0);
    expect(remindersOf(bot, madya)).toHaveLength(2);

    await bot.as(madya).press('Besok pagi');
    expect(bot.lastText(madya)).toBe('Baik, Bapak/Ibu akan diingatkan lagi 27 November 2026 pukul 08.00.');
    // Friday 13:00 (the -2h rung) comes after the snooze ended: it is sent; the snooze itself fired at 08:00.
    expect((await tickAt(bot, '2026-11-27T00:00:00Z')).tunda).toBe(1);
    expect((await tickAt(bot, '2026-11-27T05:00:00Z')).laporan).toBe(2);
  });

  it('pauses and resumes reminders for a team from the admin command, and shows what is scheduled', async () => {
    bot = await TestBot.start();
    const org = await loadOrganisation(bot, smallOrganisation('SMD'));
    const madya = await org.link(NIP.pfMadya);
    const lines: string[] = [];
    const out = { line: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(await runAdmin(['jeda', '--tim', 'TIM-DATA'], bot.db, {}, out, new Date('2026-11-26T00:00:00Z'))).toBe(0);
    expect((await tickAt(bot, '2026-11-26T07:00:00Z')).laporan).toBe(0);
    expect(await runAdmin(['jadwal'], bot.db, {}, out, new Date('2026-11-26T07:30:00Z'))).toBe(0);
    expect(lines).toContain('- TIM-DATA Tim Satu Data: batas 27 November 2026 pukul 15.00; pengingat berikutnya: dijeda');
    expect(await runAdmin(['lanjutkan', '--tim', 'TIM-DATA'], bot.db, {}, out, new Date('2026-11-26T07:30:00Z'))).toBe(0);
    expect((await tickAt(bot, '2026-11-26T07:31:00Z')).laporan).toBe(2);
    expect(remindersOf(bot, madya)).toHaveLength(1);
    lines.length = 0;
    await runAdmin(['jadwal'], bot.db, {}, out, new Date('2026-11-26T07:32:00Z'));
    expect(lines).toContain('- TIM-DATA Tim Satu Data: batas 27 November 2026 pukul 15.00; pengingat berikutnya: 27 November 2026 pukul 13.00; 27 November 2026 pukul 16.00');
    expect(lines).toContain('Ringkasan mingguan berikutnya: 27 November 2026 pukul 16.00');
    // One sent; the other anggota has no linked chat account, so the row is kept as undeliverable.
    expect(lines.filter((l) => / SENT {5}pengingat-laporan → /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => / UNDELIVERABLE pengingat-laporan → Pelaksana Uji/.test(l))).toHaveLength(1);
  });
});
