import { afterEach, describe, expect, it } from 'vitest';
import { TestBot, type TestUser } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { sendWeeklyReport, tickAt } from './schedulerHarness';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });


const digestOf = (user: TestUser) => bot.inbox(user).filter((m) => (m.kind === 'text' || m.kind === 'choice') && m.text.startsWith('Ringkasan mingguan')).map((m) => (m as { text: string }).text);

describe('scheduler: weekly digests', () => {
  it('gives the ketua a line-by-line digest (late, pending, on leave, capaian, open kendala, feedback, four weeks) and the unit heads theirs', async () => {
    bot = await TestBot.start(); // Monday 23 November 2026, 10:00 WITA
    const org = smallOrganisation('SMD');
    org.timKerja[0]!.anggota.push({ nip: NIP.pfPertama, peran: 'ANGGOTA' });
    const loaded = await loadOrganisation(bot, org);
    const madya = await loaded.link(NIP.pfMadya);
    const pelaksana = await loaded.link(NIP.pelaksana);
    const ketua = await loaded.link(NIP.pfMuda);
    const headA = await loaded.link(NIP.kabidA);
    const headB = await loaded.link(NIP.kabidB);
    const ketuaStat = await loaded.link(NIP.pfPertama);
    await bot.as(ketua).command('kendala');
    for (const line of ['Server sering mati', 'Anggaran pemeliharaan habis', 'Pindah ke pusat data daerah']) await bot.as(ketua).say(line);
    await bot.as(ketua).press('Selesai');
    await bot.as(ketua).press('Tidak');

    await bot.as(pelaksana).command('cuti');
    await bot.as(pelaksana).press('Dinas luar');
    await bot.as(pelaksana).say('27/11/2026');
    await bot.as(pelaksana).press('Simpan');

    bot.clock.set(new Date('2026-11-27T07:30:00Z')); // Friday 15:30 WITA, half an hour late
    await sendWeeklyReport(bot, madya, '12');
    await bot.as(ketua).press('Terima');
    await bot.as(ketua).command('laporantim');
    await bot.as(ketua).press('Kirim');

    expect((await tickAt(bot, '2026-11-27T07:59:00Z')).ringkasan).toBe(0);
    expect((await tickAt(bot, '2026-11-27T08:00:00Z')).ringkasan).toBe(4); // Friday 16:00 WITA
    expect((await tickAt(bot, '2026-11-27T08:01:00Z')).ringkasan).toBe(0);

    expect(digestOf(ketua)).toEqual([[
      'Ringkasan mingguan Tim Satu Data, periode 23 November 2026 s.d. 29 November 2026',
      '',
      'Laporan anggota (batas 27 November 2026 pukul 15.00):',
      '- Analis Madya Uji: melapor terlambat',
      '- Pelaksana Uji: Dinas luar',
      '- Statistisi Pertama Uji: belum melapor, lewat batas waktu',
      '',
      'Capaian terhadap target:',
      '- Dataset terbit: 12 dari 40 dataset',
      '',
      'Kendala terbuka:',
      '- Nomor 1: Anggaran pemeliharaan habis (4 hari)',
      '',
      'Umpan balik yang Bapak/Ibu berikan minggu ini: 1',
      '',
      'Keaktifan melapor 4 minggu terakhir:',
      '- Analis Madya Uji: 1 dari 4 minggu',
      '- Pelaksana Uji: 0 dari 4 minggu',
      '- Statistisi Pertama Uji: 0 dari 4 minggu',
    ].join('\n')]);
    expect(digestOf(ketuaStat)).toEqual(['Ringkasan mingguan Tim Statistik Sektoral, periode 23 November 2026 s.d. 29 November 2026\n\nTim ini belum mempunyai anggota yang wajib melapor.']);
    expect(digestOf(headA)).toEqual([[
      'Ringkasan mingguan Bidang Aplikasi Informatika, periode 23 November 2026 s.d. 29 November 2026',
      'Disusun dari laporan tim yang dikirim ketua tim.',
      '',
      'Tim Satu Data (ketua Pranata Muda Uji):',
      '- Anggota melapor: 0 tepat waktu, 1 terlambat, 2 belum',
      '- Dataset terbit: 12 dari 40 dataset',
    ].join('\n')]);
    expect(digestOf(headB)).toEqual([
      'Ringkasan mingguan Bidang Statistik, periode 23 November 2026 s.d. 29 November 2026\nDisusun dari laporan tim yang dikirim ketua tim.\n\nTim Statistik Sektoral (ketua Statistisi Pertama Uji): laporan tim periode ini belum dikirim.',
    ]);
    // Members never get the unit head's digest (R1), and anggota get none at all.
    expect(digestOf(madya)).toEqual([]);
  });

  it('AC-52: prompts each ketua for the team report at local time in each instansi, and the report goes to the owner unit’s head', async () => {
    bot = await TestBot.start();
    const samarinda = await loadOrganisation(bot, smallOrganisation('SMD', 'kota-samarinda'));
    const tbbOrg = smallOrganisation('TBB', 'kab-tubaba');
    tbbOrg.instansi.zonaWaktu = 'Asia/Jakarta';
    const tubaba = await loadOrganisation(bot, tbbOrg);
    const ketuaSmd = await samarinda.link(NIP.pfMuda);
    const headSmd = await samarinda.link(NIP.kabidA);
    const ketuaTbb = await tubaba.link(NIP.pfMuda);

    // The digest (and prompt) time is Friday 16:00 local: 08:00 UTC in WITA, 09:00 UTC in WIB.
    await tickAt(bot, '2026-11-27T08:00:30Z');
    expect(digestOf(ketuaSmd)).toHaveLength(1);
    expect(digestOf(ketuaTbb)).toHaveLength(0);
    await tickAt(bot, '2026-11-27T09:00:30Z');
    expect(digestOf(ketuaTbb)).toHaveLength(1);

    await bot.as(ketuaSmd).press('Susun laporan tim');
    expect(bot.lastText(ketuaSmd)).toMatch(/^Draf laporan tim, disusun dari laporan anggota:/);
    await bot.as(ketuaSmd).press('Kirim');
    expect(bot.lastText(headSmd)).toMatch(/^Laporan tim dari ketua tim Pranata Muda Uji \(000-SMD Ps 13\(2\)\)/);
  });
});
