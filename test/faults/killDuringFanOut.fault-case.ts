// Case 1a: kill -9 at random moments while the real bot drains a reminder fan-out, restarted each
// time; every queued message must reach its chat exactly once.
import Database from 'better-sqlite3';
import { snoozeJobKey } from '../../src/core/scheduler/reportReminders';
import { createDb, type Db } from '../../src/db/createDb';
import { createOrganisationDb, linkTelegramDirectly, type BenchMember } from '../bench/benchOrganisation';
import { enqueueRemindersDirectly } from '../bench/enqueueReminders';
import { seededRandom } from '../helpers/seededRandom';
import { botEnv } from './botEnv';
import { faultConfig } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import { FaultTelegram } from './faultTelegram';
import { faultSeed, killAndRestart } from './killRounds';
import { compareDeliveries, outboxLedger, pendingOutboxRows } from './outboxLedger';
import { settleScheduler } from './settleScheduler';

const MINUTE = 60_000;
const FIRST_CHAT = 9_100_000;

/** "Ingatkan nanti" reminders due at `dueAt`: the scheduler's tick queues them while the kills go on. */
async function snoozeAll(db: Db, members: BenchMember[], dueAt: Date): Promise<void> {
  await db.scheduledRun.createMany({
    data: members.map((m) => ({ jobKey: snoozeJobKey(m.pegawaiId), dueAt, status: 'PENDING', payload: JSON.stringify({ pegawaiId: m.pegawaiId, snoozedAt: new Date().toISOString() }) })),
  });
}

function pendingRuns(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM ScheduledRun WHERE jobKey LIKE 'tunda-laporan:%' AND status = 'PENDING'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function waitUntilDrained(file: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let pending = pendingOutboxRows(file);
  while (pending > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    pending = pendingOutboxRows(file);
  }
  return pending;
}

const killDuringFanOut: FaultCase = async () => {
  const { members: size, rounds } = faultConfig.killFanOut;
  const seed = faultSeed();
  const { file, members } = await createOrganisationDb(size, { singleTeam: true });
  const snoozers = members.slice(0, Math.ceil(size / 4));
  const db = await createDb(file);
  const chats = await linkTelegramDirectly(db, members, FIRST_CHAT);
  await settleScheduler(db);
  const queued = await enqueueRemindersDirectly(db, members, new Date());
  // Due at the first minute boundary after the kills have begun, so the tick itself may be cut.
  const snoozeAt = new Date(Math.ceil((Date.now() + 15_000) / MINUTE) * MINUTE);
  await snoozeAll(db, snoozers, snoozeAt);
  await db.$disconnect();

  const tg = new FaultTelegram();
  await tg.start();
  tg.knowChats(chats);
  try {
    const run = await killAndRestart(botEnv({ file, tg }), { rounds, minMs: 500, maxMs: 6000, random: seededRandom(seed) });
    // The snoozed reminders must be queued before the drain ends: by the tick of their minute, or of
    // the next one when a kill fell on that minute.
    const snoozeDeadline = snoozeAt.getTime() + 3 * MINUTE;
    while (pendingRuns(file) > 0 && Date.now() < snoozeDeadline) await new Promise((resolve) => setTimeout(resolve, 1000));
    const stillPending = await waitUntilDrained(file, 150_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await run.current.stop();

    const ledger = outboxLedger(file, run.logs());
    const verdict = compareDeliveries(tg.deliveredTexts(), ledger, chats);
    const rows = [...ledger.values()].reduce((sum, e) => sum + e.sent + e.unsent, 0);
    const byTick = rows - queued;
    const snoozesLeft = pendingRuns(file);
    const findings = [
      `seed ${seed} (FAULTS_SEED=${seed} replays the kill moments); ${run.kills} kills after ${run.killedAfterMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
      // A rung of the team's regular reminder ladder may fall in these minutes too: its reminders count like any other.
      `${thousands(queued)} reminders queued before the first start, ${thousands(byTick)} by the scheduler's tick during the kills (the ${thousands(snoozers.length)} snoozed ones${byTick > snoozers.length ? ', and a rung of the regular reminders' : ''}); snoozes never handled: ${snoozesLeft}`,
      `${verdict.lost} lost, ${verdict.doubled} doubled; ${verdict.doubledInFlight} sent again because a kill fell inside that very send (after Telegram had it, before the bot recorded it: the Bot API has no idempotency key)`,
      ...(stillPending > 0 ? [`${stillPending} messages still pending 150 s after the last restart`] : []),
      ...run.crashes,
      ...verdict.findings.slice(0, 10),
    ];
    const ok = verdict.lost === 0 && verdict.doubled === 0 && stillPending === 0 && run.crashes.length === 0 && snoozesLeft === 0 && byTick >= snoozers.length
      && verdict.doubledInFlight <= run.kills;
    return { id: '1a', title: 'kill -9 during a fan-out', count: `${thousands(rows)} messages, ${run.kills} kills`, ok, findings };
  } finally {
    await tg.stop();
  }
};

export default killDuringFanOut;
