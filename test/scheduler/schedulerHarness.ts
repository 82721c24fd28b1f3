import { runTick, type TickResult } from '../../src/core/scheduler/runTick';
import type { FanOutOptions } from '../../src/core/scheduler/reportReminders';
import type { TestBot, TestUser } from '../helpers/botHarness';

/** One scheduler tick at a given instant on the test clock, then the outbox is delivered. */
export async function tickAt(bot: TestBot, at: string, options: FanOutOptions = {}): Promise<TickResult> {
  bot.clock.set(new Date(at));
  const result = await runTick(bot.db, bot.clock.now(), bot.logger, options);
  await bot.core.drainOutbox();
  return result;
}

/** Report reminders a person has received so far. */
export function remindersOf(bot: TestBot, user: TestUser): string[] {
  return bot.inbox(user).flatMap((m) => (m.kind === 'choice' && m.text.startsWith('Pengingat laporan') ? [m.text] : []));
}

/** The anggota fills in and sends this week's report for Tim Satu Data through the real flow. */
export async function sendWeeklyReport(bot: TestBot, member: TestUser, capaian = '3'): Promise<void> {
  await bot.as(member).command('lapor');
  if (bot.lastText(member).startsWith('Laporan kemajuan minggu ini')) await bot.as(member).press('Tim Satu Data');
  for (const answer of [capaian, 'Menerbitkan dataset', '-']) await bot.as(member).say(answer);
  await bot.as(member).press('Lanjut');
  await bot.as(member).press('Tidak ada kendala');
  await bot.as(member).say('Dataset berikutnya');
  await bot.as(member).press('Kirim');
}
