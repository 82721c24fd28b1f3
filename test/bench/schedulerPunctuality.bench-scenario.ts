// Scenario 5 (issue 10): from a reminder's minute to its first message at the Bot API, on the
// real clock: the real process (src/main.ts: node-cron tick, outbox worker, telegram messenger,
// long polling) against a fake Bot API in a process of its own.
import { Telegram } from 'telegraf';
import { createTelegramMessenger } from '../../adapters/telegram/telegramMessenger';
import { runTick } from '../../src/core/scheduler/runTick';
import { snoozeJobKey } from '../../src/core/scheduler/reportReminders';
import { createDb, type Db } from '../../src/db/createDb';
import { createLogger } from '../../src/logger';
import { config, SILENT_LOG_STREAM } from './benchConfig';
import { createOrganisationDb, linkTelegramDirectly, type BenchMember } from './benchOrganisation';
import { FakeTelegramChild } from './fakeTelegramChild';
import { metric, type ScenarioReport } from './report';
import { spawnMain } from './spawnMain';
import { createProductionCore } from './telegramBots';

const MINUTE = 60_000;

/** An "ingatkan nanti" (snoozed) reminder due at `dueAt`: a reminder with a minute of its own, on any day. */
async function snooze(db: Db, member: BenchMember, dueAt: Date): Promise<void> {
  await db.scheduledRun.create({
    data: { jobKey: snoozeJobKey(member.pegawaiId), dueAt, status: 'PENDING', payload: JSON.stringify({ pegawaiId: member.pegawaiId, snoozedAt: new Date().toISOString() }) },
  });
}

async function viaCron(file: string, fake: FakeTelegramChild, snoozers: BenchMember[], chatIds: number[]) {
  const db = await createDb(file);
  // Far enough ahead for the process to start; each reminder a minute after the previous one.
  const first = Math.ceil((Date.now() + 20_000) / MINUTE) * MINUTE;
  const minutes = snoozers.map((_, k) => new Date(first + k * MINUTE));
  for (const [k, member] of snoozers.entries()) await snooze(db, member, minutes[k]!);
  await db.$disconnect();
  const main = await spawnMain({ DATABASE_PATH: file, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DEMO_ORGANISATION: 'off', LOG_LEVEL: 'info' });
  const delays: number[] = [];
  const notes: string[] = [];
  try {
    for (const [k, minute] of minutes.entries()) {
      const call = await fake.firstCall('sendMessage', chatIds[k]!, minute.getTime() + MINUTE - Date.now());
      if (!call) notes.push(`reminder due ${minute.toISOString()} did not arrive within a minute`);
      else if (call.at < minute.getTime()) notes.push(`reminder due ${minute.toISOString()} arrived ${minute.getTime() - call.at} ms EARLY`);
      delays.push(call ? (call.at - minute.getTime()) / 1000 : Number.NaN);
    }
  } finally {
    await main.stop();
  }
  return { delays, notes: [`src/main.ts was ready ${(main.readyMs / 1000).toFixed(1)} s after spawn; reminders due at ${minutes.map((m) => m.toISOString().slice(11, 19)).join(', ')} UTC.`, ...notes] };
}

/** BENCH_QUICK: no wait for a minute boundary: one tick now, in process, as node-cron would call it. */
async function direct(file: string, fake: FakeTelegramChild, snoozers: BenchMember[], chatIds: number[]) {
  const db = await createDb(file);
  const core = createProductionCore(db, [createTelegramMessenger(new Telegram(fake.token, { apiRoot: fake.apiRoot, webhookReply: false }))]);
  const now = new Date();
  await snooze(db, snoozers[0]!, now);
  await runTick(db, now, createLogger('info', SILENT_LOG_STREAM));
  core.wakeOutbox();
  const call = await fake.firstCall('sendMessage', chatIds[0]!, 30_000);
  await core.stop();
  await db.$disconnect();
  return { delays: [call ? (call.at - now.getTime()) / 1000 : Number.NaN], notes: ['BENCH_QUICK: runTick called directly at a known instant (no node-cron, no minute wait).'] };
}

export async function benchSchedulerPunctuality(): Promise<ScenarioReport> {
  const started = performance.now();
  const { reminders, members: background } = config.scheduler;
  const { file, members } = await createOrganisationDb(background + reminders);
  const snoozers = members.slice(0, reminders);
  const db = await createDb(file);
  // Only the reminded members are linked: the others' reminders (if a rung falls in these minutes) stay undeliverable.
  const chatIds = await linkTelegramDirectly(db, snoozers, 8_000_000);
  await db.$disconnect();
  const fake = await FakeTelegramChild.start();
  try {
    await fake.register(chatIds);
    const result = config.scheduler.viaCron ? await viaCron(file, fake, snoozers, chatIds) : await direct(file, fake, snoozers, chatIds);
    return {
      id: '5', title: 'Scheduler punctuality on the real clock: a reminder\'s minute to its first message at the Bot API', seconds: (performance.now() - started) / 1000,
      n: `${reminders} reminder(s), one per minute, in an organisation of ${members.length + 60} pegawai (${background + reminders} anggota in 8 teams)`,
      metrics: [metric('minute to first message', 's', result.delays, { text: '< 5 s', ok: (v) => v < 5 })],
      notes: [
        'Each reminder is a snoozed report reminder ("ingatkan nanti", a ScheduledRun due at that minute): it fires on any day, unlike the ladder, which skips days off.',
        'The fake Bot API runs in its own process, so its arrival times do not depend on the load of the bench process.',
        ...result.notes,
      ],
    };
  } finally {
    await fake.stop();
  }
}
