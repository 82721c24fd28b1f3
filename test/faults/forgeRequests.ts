import { randomBytes } from 'node:crypto';
import { slackSignature, type SlackUserRef } from '../fakes/fakeSlack';
import { SLACK_SIGNING_SECRET, WEBHOOK_SECRET } from './botEnv';
import { slashBody, telegramTextUpdate } from './botAnswers';
import type { LinkedBot } from './linkedBot';

/** One forged request: a real payload from a linked user that would be answered, with a forged proof of origin. */
export interface ForgedRequest {
  platform: 'telegram' | 'slack';
  forgery: string;
  body: Buffer;
  contentType: string;
  /** Built at send time: a timestamp forgery is relative to the moment of sending. */
  headers(): Record<string, string>;
  /** The same request as the platform would send it: correctly signed now. */
  authenticHeaders(): Record<string, string>;
  /** The chat the bot would answer in (Telegram chat id, Slack user id). */
  chat: string;
}

const now = () => Math.floor(Date.now() / 1000);
// bolt refuses timestamps older than 5 minutes; startSlack refuses those more than 5 minutes ahead.
// The smallest skew keeps a margin: a request 301 s ahead that waits a second on a loaded machine
// arrives exactly 300 s ahead, which is allowed.
const SKEWS = [330, 600, 3600, 86_400, 30 * 86_400];

type SlackForgery = (body: string, i: number) => Record<string, string>;
const SLACK_FORGERIES: Record<string, SlackForgery> = {
  'wrong signing secret': (body) => slackSignature(`${SLACK_SIGNING_SECRET}-lama`, body),
  'no signature headers': () => ({}),
  // A request signed by Slack whose text was changed afterwards.
  'signature of another body': (body) => slackSignature(SLACK_SIGNING_SECRET, body.replace(/(text=|"text":")/, '$1x')),
  'malformed signature': (body, i) => ({ ...slackSignature(SLACK_SIGNING_SECRET, body), 'x-slack-signature': ['v0=', 'v1=00', 'v0=zz', ''][i % 4]! }),
  'stale timestamp': (body, i) => slackSignature(SLACK_SIGNING_SECRET, body, now() - SKEWS[i % SKEWS.length]!),
  'future timestamp': (body, i) => slackSignature(SLACK_SIGNING_SECRET, body, now() + SKEWS[i % SKEWS.length]!),
  'timestamp not a number': (body) => ({ ...slackSignature(SLACK_SIGNING_SECRET, body), 'x-slack-request-timestamp': 'kemarin' }),
};

const TELEGRAM_FORGERIES: Record<string, () => Record<string, string>> = {
  'wrong secret': () => ({ 'x-telegram-bot-api-secret-token': randomBytes(16).toString('hex') }),
  'no secret header': () => ({}),
  'empty secret': () => ({ 'x-telegram-bot-api-secret-token': '' }),
  'secret in other case': () => ({ 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET.toUpperCase() }),
  'secret cut short': () => ({ 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET.slice(0, -1) }),
  'the Slack signing secret': () => ({ 'x-telegram-bot-api-secret-token': SLACK_SIGNING_SECRET }),
};

const TELEGRAM_TEXTS = ['/bantuan', '/lapor', 'halo', '/start'];
const SLACK_TEXTS = ['bantuan', 'lapor', 'halo'];

/**
 * `count` forged requests, alternating platforms; forgeries and users go round-robin, so the first
 * request of each forgery comes from a different user (given enough linked users).
 */
export function forgeRequests(target: LinkedBot, count: number, firstUpdateId: number): ForgedRequest[] {
  const telegramForgeries = Object.entries(TELEGRAM_FORGERIES);
  const slackForgeries = Object.entries(SLACK_FORGERIES);
  return Array.from({ length: count }, (_, i) => {
    const round = Math.floor(i / 2);
    if (i % 2 === 0) {
      const [forgery, headers] = telegramForgeries[round % telegramForgeries.length]!;
      const userId = target.telegramIds[round % target.telegramIds.length]!;
      const body = Buffer.from(JSON.stringify(telegramTextUpdate(firstUpdateId + round, userId, TELEGRAM_TEXTS[round % TELEGRAM_TEXTS.length]!)));
      return { platform: 'telegram', forgery, body, contentType: 'application/json', headers, authenticHeaders: () => ({ 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }), chat: String(userId) };
    }
    const [forgery, sign] = slackForgeries[round % slackForgeries.length]!;
    const user = target.slackUsers[round % target.slackUsers.length]!;
    const text = SLACK_TEXTS[round % SLACK_TEXTS.length]!;
    const body = text === 'halo' ? messageEventBody(target, user, text, round) : slashBody(target, user, text, `${round}.${randomBytes(8).toString('hex')}`);
    const contentType = text === 'halo' ? 'application/json' : 'application/x-www-form-urlencoded';
    return {
      platform: 'slack', forgery, body: Buffer.from(body), contentType, chat: user.id,
      headers: () => sign(body, round), authenticHeaders: () => slackSignature(SLACK_SIGNING_SECRET, body),
    };
  });
}

/** A user's message in their DM with the bot, as an Events API delivery. */
function messageEventBody(target: LinkedBot, user: SlackUserRef, text: string, round: number): string {
  const ts = target.slack.issueTs();
  return JSON.stringify({
    token: 'x', team_id: target.slack.teamId, api_app_id: target.slack.appId, type: 'event_callback', event_id: `EvFORGED${round}`, event_time: now(),
    authorizations: [{ enterprise_id: null, team_id: target.slack.teamId, user_id: target.slack.botUserId, is_bot: true, is_enterprise_install: false }],
    event: { type: 'message', user: user.id, text, ts, event_ts: ts, channel: user.dmChannel, channel_type: 'im', team: target.slack.teamId },
  });
}
