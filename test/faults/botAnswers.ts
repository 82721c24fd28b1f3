import type { SlackUserRef } from '../fakes/fakeSlack';
import { SlackUser, type PostOptions } from '../fakes/slackUser';
import { SLACK_SIGNING_SECRET } from './botEnv';
import { WEBHOOK_HEADERS, type LinkedBot } from './linkedBot';

export interface Answer {
  /** The HTTP status the bot answered the request with. */
  status: number;
  /** Seconds from the request to the bot's reply arriving at the fake platform; null: none within the timeout. */
  seconds: number | null;
}

/** A private-chat text update from a Telegram user, as Telegram posts it to the webhook. */
export function telegramTextUpdate(updateId: number, userId: number, text: string): Record<string, unknown> {
  const from = { id: userId, is_bot: false, first_name: `P${userId}` };
  const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return { update_id: updateId, message: { message_id: updateId % 100_000, date: Math.floor(Date.now() / 1000), from, chat: { ...from, type: 'private' }, text, ...(entities ? { entities } : {}) } };
}

/** POSTs an update to the webhook (with the right secret, or `headers` instead) and waits for a sendMessage to the user's chat. */
export async function telegramAnswers(target: LinkedBot, update: Record<string, unknown>, userId: number, timeoutMs: number, headers = WEBHOOK_HEADERS): Promise<Answer> {
  const sentAt = Date.now();
  const response = await fetch(target.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
  await response.arrayBuffer();
  const reply = await target.tg.waitForCall('sendMessage', (c) => Number(c.params.chat_id) === userId && c.at >= sentAt, timeoutMs).catch(() => null);
  return { status: response.status, seconds: reply ? (reply.at - sentAt) / 1000 : null };
}

export function slackUser(target: LinkedBot, user: SlackUserRef): SlackUser {
  return new SlackUser({ endpoint: target.slackUrl, signingSecret: SLACK_SIGNING_SECRET, fake: target.slack, user });
}

/** `/timkerja <text>` from a Slack user (signed as `options` say), then waits for a chat.postMessage to them. */
export async function slackAnswers(target: LinkedBot, user: SlackUserRef, text: string, timeoutMs: number, options: PostOptions = {}): Promise<Answer> {
  const since = target.slack.calls.length;
  const sentAt = Date.now();
  const response = await slackUser(target, user).post(slashBody(target, user, text), FORM, options);
  const reply = await target.slack.waitForCall('chat.postMessage', (c) => c.params.channel === user.id, timeoutMs, since).catch(() => null);
  return { status: response.status, seconds: reply ? (reply.at - sentAt) / 1000 : null };
}

const FORM = 'application/x-www-form-urlencoded';

/** The body of `/timkerja <text>` as Slack sends it from the user's DM with the bot. */
export function slashBody(target: LinkedBot, user: SlackUserRef, text: string, triggerId = `${Date.now()}.${Math.random().toString(36).slice(2)}`): string {
  return new URLSearchParams({
    token: 'x', team_id: target.slack.teamId, team_domain: target.slack.teamDomain, channel_id: user.dmChannel, channel_name: 'directmessage',
    user_id: user.id, user_name: user.name, command: '/timkerja', text, api_app_id: target.slack.appId, is_enterprise_install: 'false',
    response_url: target.slack.responseUrl(), trigger_id: triggerId,
  }).toString();
}
