// Issue 10, case 2: fuzzed input. Generated Telegram updates and Slack payloads (fast-check) go to
// the real bot through its webhook and its Slack endpoint, correctly authenticated: no crash, a
// valid update is still answered afterwards, and no error line carries a body, a token or a secret.
import { faultConfig } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import { slackAnswers, telegramAnswers, telegramTextUpdate, type Answer } from './botAnswers';
import { sendFuzz, type FuzzRun, type PlatformFuzz } from './fuzzSend';
import { startLinkedBot, type LinkedBot } from './linkedBot';
import { scanLogs } from './logLeaks';
import { TIMED_OUT, UNREACHABLE } from './rawPoster';
import { pendingOutboxRows } from './outboxLedger';
import { changedTables, tableCounts } from './tableCounts';

const SEED = Number(process.env.FAULTS_SEED ?? 20_261_126);
const FUZZED_USERS = 20;
const STRANGERS = 50;
// The control's answer queues behind the replies the fuzz caused (the outbox sends about 30/s).
const CONTROL_TIMEOUT_MS = 90_000;
const BUDGET_SECONDS = 150;

const fuzzedInput: FaultCase = async () => {
  const started = performance.now();
  const total = faultConfig.fuzz.updates;
  // One more linked user per platform than the fuzz uses: the control, whose chat holds no backlog.
  const target = await startLinkedBot({ telegramUsers: FUZZED_USERS + 1, slackUsers: FUZZED_USERS + 1, strangers: STRANGERS });
  try {
    const before = tableCounts(target.file);
    const run = await sendFuzz(target, total, SEED, { telegram: target.telegramIds.slice(0, FUZZED_USERS), slack: target.slackUsers.slice(0, FUZZED_USERS) });
    const after = tableCounts(target.file);
    const pendingAfterFuzz = pendingOutboxRows(target.file);
    const control = target.bot.exit ? null : await answerControls(target);
    const scan = scanLogs(target.bot.lines, run.markers);
    const seconds = (performance.now() - started) / 1000;
    const failures = [
      ...(target.bot.exit ? [`the bot exited (${target.bot.exit.code ?? target.bot.exit.signal}) during the fuzz; the requests it never answered: ${run.unansweredFile}`] : []),
      ...lostRequests(run),
      ...(control && control.telegram.seconds === null ? [`a valid /bantuan from a linked Telegram user was not answered in ${CONTROL_TIMEOUT_MS / 1000} s (HTTP ${control.telegram.status})`] : []),
      ...(control && control.slack.seconds === null ? [`a valid /timkerja bantuan from a linked Slack user was not answered in ${CONTROL_TIMEOUT_MS / 1000} s (HTTP ${control.slack.status})`] : []),
      ...scan.leaksAtError.slice(0, 5).map((leak) => `error line leaks ${leak}`),
      ...scan.leaksBelowError.slice(0, 5).map((leak) => `log line leaks ${leak}`),
    ];
    const findings = [
      ...failures,
      `seed ${SEED} (FAULTS_SEED); ${thousands(run.telegram.sent + run.slack.sent)} requests in ${run.seconds.toFixed(1)} s = ${((run.telegram.sent + run.slack.sent) / run.seconds).toFixed(0)}/s; whole case ${seconds.toFixed(0)} s (budget ~${BUDGET_SECONDS} s)`,
      platformLine('Telegram webhook (right secret)', run.telegram),
      platformLine('Slack /slack/events (signed)', run.slack),
      `reached the core: ${thousands(delta(before, after, 'InboundEvent'))} turns (InboundEvent rows); outbox +${thousands(delta(before, after, 'OutboxMessage'))} rows, ${thousands(pendingAfterFuzz)} still pending when the fuzz ended; tables changed: ${changedTables(before, after).join(', ') || 'none'}`,
      control ? `afterwards the bot answered: Telegram /bantuan in ${describe(control.telegram)}, Slack /timkerja bantuan in ${describe(control.slack)}` : 'no control: the bot was gone',
      `log: ${thousands(scan.lines)} lines, ${thousands(scan.errorLines)} at error level (${scan.errorTop.join('; ') || 'none'}); searched for ${thousands(run.markers.size)} sent text markers and 5 secrets: ${scan.leaksAtError.length + scan.leaksBelowError.length} found`,
    ];
    return { id: '2', title: 'Fuzzed input', count: `${thousands(run.telegram.sent)} Telegram updates + ${thousands(run.slack.sent)} Slack payloads`, ok: failures.length === 0, findings };
  } finally {
    await target.stop();
  }
};

export default fuzzedInput;

async function answerControls(target: LinkedBot): Promise<{ telegram: Answer; slack: Answer }> {
  const telegramUser = target.telegramIds.at(-1)!;
  const [telegram, slack] = await Promise.all([
    telegramAnswers(target, telegramTextUpdate(2_100_000_000, telegramUser, '/bantuan'), telegramUser, CONTROL_TIMEOUT_MS),
    slackAnswers(target, target.slackUsers.at(-1)!, 'bantuan', CONTROL_TIMEOUT_MS),
  ]);
  return { telegram, slack };
}

/** Requests the bot never answered (connection refused or cut, or no answer in 30 s). */
function lostRequests(run: FuzzRun): string[] {
  return (['telegram', 'slack'] as const).flatMap((platform) => {
    const lost = run[platform].statuses.count((status) => status === UNREACHABLE || status === TIMED_OUT);
    return lost > 0 ? [`${thousands(lost)} ${platform} requests got no HTTP answer`] : [];
  });
}

function platformLine(label: string, fuzz: PlatformFuzz): string {
  const kinds = [...fuzz.kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${thousands(n)}`).join(', ');
  return `${label}: ${thousands(fuzz.sent)} sent; HTTP ${fuzz.statuses.toString()}; kinds: ${kinds}`;
}

const delta = (before: Map<string, number>, after: Map<string, number>, table: string) => (after.get(table) ?? 0) - (before.get(table) ?? 0);
const describe = (answer: Answer) => (answer.seconds === null ? `no answer (HTTP ${answer.status})` : `${answer.seconds.toFixed(1)} s (HTTP ${answer.status})`);
