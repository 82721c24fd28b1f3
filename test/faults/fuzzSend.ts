import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type fc from 'fast-check';
import { slackSignature } from '../fakes/fakeSlack';
import { SLACK_SIGNING_SECRET } from './botEnv';
import { draw, markersIn, type FuzzRequest } from './fuzzText';
import type { LinkedBot } from './linkedBot';
import { WEBHOOK_HEADERS } from './linkedBot';
import { RawPoster, sendBounded, StatusHistogram } from './rawPoster';
import { slackFuzzArb } from './slackFuzz';
import { telegramFuzzArb } from './telegramFuzz';

export interface PlatformFuzz {
  sent: number;
  statuses: StatusHistogram;
  kinds: Map<string, number>;
}

export interface FuzzRun {
  telegram: PlatformFuzz;
  slack: PlatformFuzz;
  /** Every marker embedded in a body sent, lower-cased. */
  markers: Set<string>;
  seconds: number;
  /** Set when the bot exited mid-run: a JSON file with the requests it never answered (base64 bodies). */
  unansweredFile?: string;
}

// Slack holds a request its listeners do not acknowledge for 3 s: more sockets keep those from starving the rest.
const TELEGRAM_WORKERS = 32;
const SLACK_WORKERS = 256;

/**
 * Sends `total` fuzzed requests, half to the Telegram webhook (right secret) and half to the Slack
 * endpoint (correctly signed), both at once with bounded concurrency; stops early if the bot exits.
 */
export async function sendFuzz(target: LinkedBot, total: number, seed: number, fuzzed: { telegram: number[]; slack: LinkedBot['slackUsers'] }): Promise<FuzzRun> {
  const markers = new Set<string>();
  const unanswered = new Set<{ platform: string; request: FuzzRequest }>();
  const stopped = () => target.bot.exit !== null;
  const telegramArb = telegramFuzzArb({ linked: fuzzed.telegram, strangers: target.telegramStrangers });
  const slackArb = slackFuzzArb({ teamId: target.slack.teamId, linked: fuzzed.slack, strangers: target.slackStrangers });
  const telegramPoster = new RawPoster(target.webhookUrl, TELEGRAM_WORKERS);
  const slackPoster = new RawPoster(target.slackUrl, SLACK_WORKERS);
  const run = async (platform: string, arb: fc.Arbitrary<FuzzRequest>, count: number, workers: number, post: (r: FuzzRequest) => Promise<number>) => {
    const result: PlatformFuzz = { sent: 0, statuses: new StatusHistogram(), kinds: new Map() };
    await sendBounded(draw(arb, count, seed + (platform === 'slack' ? 1_000_000 : 0)), workers, async (request) => {
      for (const marker of markersIn(request.body)) markers.add(marker);
      const entry = { platform, request };
      unanswered.add(entry);
      const status = await post(request);
      result.statuses.add(status);
      if (status > 0) unanswered.delete(entry);
      result.sent++;
      result.kinds.set(request.kind, (result.kinds.get(request.kind) ?? 0) + 1);
    }, stopped);
    return result;
  };
  const started = performance.now();
  try {
    const [telegram, slack] = await Promise.all([
      run('telegram', telegramArb, Math.ceil(total / 2), TELEGRAM_WORKERS, (r) => telegramPoster.post(r.body, { 'content-type': r.contentType, ...WEBHOOK_HEADERS })),
      // Signed over the body as bolt reads it (a string): bad UTF-8 bytes then still pass the check.
      run('slack', slackArb, Math.floor(total / 2), SLACK_WORKERS, (r) => slackPoster.post(r.body, { 'content-type': r.contentType, ...slackSignature(SLACK_SIGNING_SECRET, r.body.toString('utf8')) })),
    ]);
    const seconds = (performance.now() - started) / 1000;
    return { telegram, slack, markers, seconds, ...(stopped() ? { unansweredFile: saveUnanswered(unanswered, seed) } : {}) };
  } finally {
    telegramPoster.close();
    slackPoster.close();
  }
}

function saveUnanswered(unanswered: Set<{ platform: string; request: FuzzRequest }>, seed: number): string {
  const file = path.join(tmpdir(), `timkerja-fuzz-unanswered-${seed}.json`);
  const requests = [...unanswered].map(({ platform, request }) => ({ platform, kind: request.kind, contentType: request.contentType, body: request.body.toString('base64') }));
  writeFileSync(file, `${JSON.stringify(requests, null, 1)}\n`);
  return file;
}
