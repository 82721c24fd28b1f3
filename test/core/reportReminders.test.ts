import { afterEach, describe, expect, it } from 'vitest';
import { sendDueReportReminders } from '../../src/core/scheduler/reportReminders';
import { loadInstansiSchedules } from '../../src/core/scheduler/instansiSchedules';
import { TestBot } from '../helpers/botHarness';
import { loadOrganisation } from '../helpers/organisationBot';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

/** Pelaksana Uji is in Tim Satu Data (due Fri 15:00 WITA) and Tim Statistik Sektoral (due Thu 14:00 WITA). */
async function start() {
  bot = await TestBot.start();
  const org = smallOrganisation('SMD');
  org.timKerja[1]!.anggota.push({ nip: NIP.pelaksana, peran: 'ANGGOTA' });
  const loaded = await loadOrganisation(bot, org);
  return { pelaksana: await loaded.link(NIP.pelaksana), madya: await loaded.link(NIP.pfMadya) };
}

async function tick(at: string): Promise<number> {
  bot.clock.set(new Date(at));
  const sent = await sendDueReportReminders(bot.db, bot.clock.now(), await loadInstansiSchedules(bot.db));
  await bot.core.drainOutbox();
  return sent;
}

describe('report reminders', () => {
  it('sends one combined reminder per pending official, only once per rung, and none to those who reported', async () => {
    const { pelaksana, madya } = await start();
    await bot.as(madya).command('lapor');
    for (const answer of ['12', 'Menerbitkan dataset', '-']) await bot.as(madya).say(answer);
    await bot.as(madya).press('Lanjut');
    await bot.as(madya).press('Tidak ada kendala');
    await bot.as(madya).say('Dataset berikutnya');
    await bot.as(madya).press('Kirim');

    expect(await tick('2026-11-26T07:00:00Z')).toBe(1); // Thursday 15:00 WITA
    const reminder = bot.lastText(pelaksana);
    expect(reminder).toMatch(/^Pengingat laporan kemajuan minggu ini:\n\nTim Satu Data\nStatus: belum diisi\nBatas waktu: 27 November 2026 pukul 15\.00\n\nTim Statistik Sektoral\nStatus: belum diisi/);
    expect(bot.inbox(madya).some((m) => m.kind === 'choice' && m.text.startsWith('Pengingat'))).toBe(false);
    expect(await tick('2026-11-26T07:00:30Z')).toBe(0);
  });

  it('catches up after an outage with one reminder, not one per missed tick', async () => {
    const { pelaksana } = await start();
    expect(await tick('2026-11-26T12:00:00Z')).toBe(0); // Thursday 20:00 WITA: a missed rung waits for office hours
    expect(await tick('2026-11-27T01:00:00Z')).toBe(2); // Friday 09:00: one each for the two pending officials
    expect(await tick('2026-11-27T01:01:00Z')).toBe(0);
    expect(bot.inbox(pelaksana).filter((m) => m.kind === 'choice' && m.text.startsWith('Pengingat'))).toHaveLength(1);
  });

  it('opens the report from the reminder’s button', async () => {
    const { pelaksana } = await start();
    await tick('2026-11-26T07:00:00Z');
    await bot.as(pelaksana).press('Isi laporan sekarang');
    expect(bot.lastText(pelaksana)).toMatch(/^Laporan kemajuan minggu ini:[\s\S]*Pilih tim yang akan dilaporkan:$/);
  });
});
