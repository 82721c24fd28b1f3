// Issue 10, case 3: forged requests. Slack requests with a bad signature or a stale or future
// timestamp, and Telegram webhook calls with a wrong or missing secret, each carrying a real
// payload from a linked user that would otherwise be answered: all refused, nothing runs, nothing
// is written. The control (the same requests, authentic) shows the checks can fail.
import { faultConfig } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import type { Answer } from './botAnswers';
import { forgeRequests, type ForgedRequest } from './forgeRequests';
import { startLinkedBot, type LinkedBot } from './linkedBot';
import { scanLogs } from './logLeaks';
import { RawPoster, sendBounded, StatusHistogram } from './rawPoster';
import { changedTables, tableCounts } from './tableCounts';

const LINKED_USERS = 8;
const WORKERS = 16;
// A forged request that did run would show its reply and rows within this (the outbox wakes after each turn).
const GRACE_MS = 2_000;
const CONTROL_TIMEOUT_MS = 15_000;
const REFUSED = new Set([401, 403]);

const forgedRequests: FaultCase = async () => {
  const target = await startLinkedBot({ telegramUsers: LINKED_USERS, slackUsers: LINKED_USERS, strangers: 0 });
  try {
    const forged = forgeRequests(target, faultConfig.forged.requests, 1_500_000_000);
    const before = tableCounts(target.file);
    const callsBefore = { telegram: target.tg.calls.length, slack: target.slack.calls.length };
    const statuses = await sendForged(target, forged);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    const after = tableCounts(target.file);
    const calls = [...target.tg.calls.slice(callsBefore.telegram).map((c) => `Telegram ${c.method}`), ...target.slack.calls.slice(callsBefore.slack).map((c) => `Slack ${c.method}`)];
    const controls = await sendControls(target, forged);
    const afterControls = tableCounts(target.file);
    const scan = scanLogs(target.bot.lines, new Set());
    const notRefused = [...statuses].filter(([, histogram]) => histogram.count((status) => !REFUSED.has(status)) > 0);
    const unanswered = controls.filter(({ answer }) => answer.status !== 200 || answer.seconds === null);
    const failures = [
      ...(target.bot.exit ? [`the bot exited (${target.bot.exit.code ?? target.bot.exit.signal})`] : []),
      ...notRefused.map(([group, histogram]) => `not refused: ${group}: HTTP ${histogram.toString()}`),
      ...(calls.length > 0 ? [`the fakes received ${calls.length} calls during the forged requests: ${summarize(calls)}`] : []),
      ...changedTables(before, after).map((change) => `written by forged requests: ${change}`),
      ...unanswered.map(({ group, answer }) => `control not answered: ${group} sent authentic got HTTP ${answer.status}${answer.seconds === null ? ', no reply' : ''}`),
      ...(changedTables(after, afterControls).some((change) => change.startsWith('InboundEvent')) ? [] : ['control: the authentic requests wrote no InboundEvent row, so the database check proves nothing']),
      ...scan.leaksAtError.concat(scan.leaksBelowError).slice(0, 5).map((leak) => `log line leaks ${leak}`),
    ];
    const findings = [
      ...failures,
      ...(['Telegram', 'Slack'] as const).map((platform) => `${platform}: ${[...statuses].filter(([group]) => group.startsWith(platform))
        .map(([group, histogram]) => `${group.slice(platform.length + 2)} HTTP ${histogram.toString()}`).join('; ')}`),
      `during them and ${GRACE_MS / 1000} s after: ${calls.length} calls to the fake Bot API and Slack Web API; tables changed: ${changedTables(before, after).join(', ') || 'none'} (${before.size} tables compared)`,
      `control, the first request of each forgery sent authentic: ${controls.filter(({ answer }) => answer.seconds !== null).length}/${controls.length} answered (slowest ${Math.max(...controls.map(({ answer }) => answer.seconds ?? Infinity)).toFixed(1)} s); tables changed: ${changedTables(after, afterControls).join(', ')}`,
      `log: ${thousands(scan.lines)} lines, ${scan.errorLines} at error level${scan.errorTop.length ? ` (${scan.errorTop.join('; ')})` : ''}; no bot token or secret in it: ${scan.leaksAtError.length + scan.leaksBelowError.length === 0}`,
    ];
    const counts = countBy(forged.map((f) => f.platform));
    return { id: '3', title: 'Forged requests', count: `${thousands(counts.get('slack') ?? 0)} Slack + ${thousands(counts.get('telegram') ?? 0)} Telegram`, ok: failures.length === 0, findings };
  } finally {
    await target.stop();
  }
};

export default forgedRequests;

/** Sends every forged request; statuses per "platform: forgery". */
async function sendForged(target: LinkedBot, forged: ForgedRequest[]): Promise<Map<string, StatusHistogram>> {
  const posters = { telegram: new RawPoster(target.webhookUrl, WORKERS), slack: new RawPoster(target.slackUrl, WORKERS) };
  const statuses = new Map<string, StatusHistogram>();
  try {
    await sendBounded(forged.values(), WORKERS, async (request) => {
      const status = await posters[request.platform].post(request.body, { 'content-type': request.contentType, ...request.headers() });
      const group = groupOf(request);
      statuses.set(group, statuses.get(group) ?? new StatusHistogram());
      statuses.get(group)!.add(status);
    });
  } finally {
    posters.telegram.close();
    posters.slack.close();
  }
  return statuses;
}

/** The first forged request of each forgery, sent again as the platform would (each from another user). */
async function sendControls(target: LinkedBot, forged: ForgedRequest[]): Promise<Array<{ group: string; answer: Answer }>> {
  const firsts = new Map<string, ForgedRequest>();
  for (const request of forged) if (!firsts.has(groupOf(request))) firsts.set(groupOf(request), request);
  return Promise.all([...firsts].map(async ([group, request]) => ({ group, answer: await sendAuthentic(target, request) })));
}

async function sendAuthentic(target: LinkedBot, request: ForgedRequest): Promise<Answer> {
  const url = request.platform === 'telegram' ? target.webhookUrl : target.slackUrl;
  const since = target.slack.calls.length;
  const sentAt = Date.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': request.contentType, ...request.authenticHeaders() }, body: request.body });
  await response.arrayBuffer();
  const reply = request.platform === 'telegram'
    ? await target.tg.waitForCall('sendMessage', (c) => String(c.params.chat_id) === request.chat && c.at >= sentAt, CONTROL_TIMEOUT_MS).catch(() => null)
    : await target.slack.waitForCall('chat.postMessage', (c) => c.params.channel === request.chat, CONTROL_TIMEOUT_MS, since).catch(() => null);
  return { status: response.status, seconds: reply ? (Date.now() - sentAt) / 1000 : null };
}

const groupOf = (request: ForgedRequest) => `${request.platform === 'slack' ? 'Slack' : 'Telegram'}: ${request.forgery}`;

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

const summarize = (values: string[]) => [...countBy(values)].map(([value, n]) => `${value} × ${n}`).join(', ');
