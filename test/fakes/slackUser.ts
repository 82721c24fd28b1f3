import { randomBytes, randomUUID } from 'node:crypto';
import type { BlockAction, ButtonAction, EnvelopedEvent, SlashCommand, ViewOutput, ViewStateValue, ViewSubmitAction, types as slackTypes } from '@slack/bolt';
import { slackSignature, type FakeSlack, type SlackFileInfo } from './fakeSlack';

type Params = Record<string, unknown>;
export interface SlackResponse { status: number; body: string; json?: unknown }
/** An Events API delivery; pass it to `retry()` to deliver the same event again. */
export interface SentEvent extends SlackResponse { eventId: string; eventBody: string; ts: string }
export interface PostOptions { timestampOffsetSeconds?: number; badSignature?: boolean; retryNum?: number; retryReason?: string }
export interface SlackUserOptions {
  /** The bolt endpoint, e.g. `http://127.0.0.1:P/slack/events`. */
  endpoint: string;
  signingSecret: string;
  fake: FakeSlack;
  user: { id: string; teamId: string; dmChannel: string; name?: string };
}

// Slack still sends the deprecated verification token; bolt does not check it.
const VERIFICATION_TOKEN = 'fakeVerificationToken';

/** A person using Slack: sends correctly signed requests, shaped as Slack sends them, to a bolt app. */
export class SlackUser {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
  readonly dmChannel: string;
  private readonly endpoint: string;
  private readonly signingSecret: string;
  private readonly fake: FakeSlack;

  constructor(options: SlackUserOptions) {
    this.endpoint = options.endpoint;
    this.signingSecret = options.signingSecret;
    this.fake = options.fake;
    this.id = options.user.id;
    this.teamId = options.user.teamId;
    this.dmChannel = options.user.dmChannel;
    this.name = options.user.name ?? options.user.id.toLowerCase();
  }

  /** POSTs a signed body; `timestampOffsetSeconds` shifts the signed timestamp (negative = stale). */
  async post(body: string, contentType: string, options: PostOptions = {}): Promise<SlackResponse> {
    const ts = Math.floor(Date.now() / 1000) + (options.timestampOffsetSeconds ?? 0);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...slackSignature(options.badSignature ? `${this.signingSecret}-wrong` : this.signingSecret, body, ts),
      ...(options.retryNum === undefined ? {} : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': options.retryReason ?? 'http_timeout' }),
    };
    const response = await fetch(this.endpoint, { method: 'POST', headers, body });
    const text = await response.text();
    let json: unknown;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: response.status, body: text, ...(json === undefined ? {} : { json }) };
  }

  async slash(text: string, options: { command?: string; channelId?: string; channelName?: string } = {}): Promise<SlackResponse & { triggerId: string; responseUrl: string }> {
    const channelId = options.channelId ?? this.dmChannel;
    const triggerId = this.fake.issueTriggerId(this.id);
    const responseUrl = this.fake.responseUrl();
    const command: SlashCommand = {
      token: VERIFICATION_TOKEN, team_id: this.teamId, team_domain: this.fake.teamDomain, channel_id: channelId,
      channel_name: options.channelName ?? this.channelName(channelId), user_id: this.id, user_name: this.name,
      command: options.command ?? '/timkerja', text, api_app_id: this.fake.appId, is_enterprise_install: 'false',
      response_url: responseUrl, trigger_id: triggerId,
    };
    const response = await this.post(new URLSearchParams(command).toString(), 'application/x-www-form-urlencoded');
    return { ...response, triggerId, responseUrl };
  }

  say(text: string, options: { channel?: string; threadTs?: string } = {}): Promise<SentEvent> {
    const channel = options.channel ?? this.dmChannel;
    const ts = this.fake.issueTs();
    const event: slackTypes.GenericMessageEvent = {
      type: 'message', subtype: undefined, user: this.id, ts, event_ts: ts, client_msg_id: randomUUID(), text, team: this.teamId,
      blocks: [{ type: 'rich_text', block_id: randomBytes(3).toString('base64url'), elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }] }],
      channel, channel_type: channelType(channel), ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    };
    return this.event(event);
  }

  /** Registers the file in the fake (so files.info finds it) and sends the file_share message event. */
  async sendFile(file: { id: string; name: string; mimetype: string; content?: Buffer }, options: { comment?: string; channel?: string } = {}): Promise<SentEvent & { file: SlackFileInfo }> {
    const channel = options.channel ?? this.dmChannel;
    const info = this.fake.addFile({ ...file, user: this.id });
    const ts = this.fake.issueTs();
    const event: slackTypes.FileShareMessageEvent = {
      type: 'message', subtype: 'file_share', text: options.comment ?? '', files: [info], upload: false, display_as_bot: false,
      user: this.id, ts, event_ts: ts, channel, channel_type: channelType(channel),
    };
    return { ...(await this.event(event)), file: info };
  }

  openHome(): Promise<SentEvent> {
    const home = this.fake.homeOf(this.id);
    const event: slackTypes.AppHomeOpenedEvent = {
      type: 'app_home_opened', user: this.id, channel: this.dmChannel, tab: 'home', event_ts: this.fake.issueTs(),
      ...(home ? { view: home as unknown as slackTypes.View } : {}),
    };
    return this.event(event);
  }

  /** Wraps `event` in an event_callback envelope with a fresh event_id and sends it. */
  async event(event: { type: string; ts?: string; event_ts?: string }): Promise<SentEvent> {
    const eventId = `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
    const envelope: EnvelopedEvent<typeof event> = {
      token: VERIFICATION_TOKEN, team_id: this.teamId, context_team_id: this.teamId,
      api_app_id: this.fake.appId, event, type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.teamId, user_id: this.fake.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false, event_context: `4-${randomBytes(24).toString('base64url')}`,
    };
    // Slack sends nulls where the bolt types say "optional".
    const eventBody = JSON.stringify({ ...envelope, context_enterprise_id: null });
    const response = await this.post(eventBody, 'application/json');
    return { ...response, eventId, eventBody, ts: event.ts ?? event.event_ts ?? '' };
  }

  /** Delivers the same event again, as Slack does when the app did not answer within 3 s. */
  retry(sent: SentEvent | string, options: { retryNum?: number; retryReason?: string } = {}): Promise<SlackResponse> {
    const body = typeof sent === 'string' ? sent : sent.eventBody;
    return this.post(body, 'application/json', { retryNum: options.retryNum ?? 1, retryReason: options.retryReason ?? 'http_timeout' });
  }

  /** Presses the button whose action_id (or else value) is `actionIdOrValue` in a bot message. */
  async click(message: { channel: string; ts: string; blocks?: Params[]; text?: string }, actionIdOrValue: string): Promise<SlackResponse & { triggerId: string; responseUrl: string }> {
    const buttons = (message.blocks ?? []).flatMap((block) => {
      const elements = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory] as Array<Params | undefined>;
      return elements.filter((e): e is Params => e?.type === 'button').map((button) => ({ button, blockId: String(block.block_id ?? '') }));
    });
    const found = buttons.find((b) => b.button.action_id === actionIdOrValue) ?? buttons.find((b) => b.button.value === actionIdOrValue);
    if (!found) throw new Error(`SlackUser.click: no button '${actionIdOrValue}' in message ${message.ts}; buttons: ${buttons.map((b) => `${String(b.button.action_id)}=${String(b.button.value)}`).join(', ')}`);
    const triggerId = this.fake.issueTriggerId(this.id);
    const responseUrl = this.fake.responseUrl();
    const { button, blockId } = found;
    const action: ButtonAction = {
      type: 'button', action_id: String(button.action_id), block_id: blockId, text: button.text as ButtonAction['text'],
      ...(typeof button.value === 'string' ? { value: button.value } : {}), ...(typeof button.style === 'string' ? { style: button.style } : {}),
      action_ts: this.fake.issueTs(),
    };
    const payload: BlockAction<ButtonAction> = {
      type: 'block_actions', user: { id: this.id, username: this.name, name: this.name, team_id: this.teamId },
      api_app_id: this.fake.appId, token: VERIFICATION_TOKEN,
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      trigger_id: triggerId, team: { id: this.teamId, domain: this.fake.teamDomain }, is_enterprise_install: false,
      channel: { id: message.channel, name: this.channelName(message.channel) },
      message: { type: 'message', user: this.fake.botUserId, bot_id: this.fake.botId, app_id: this.fake.appId, team: this.teamId,
        ts: message.ts, text: message.text ?? '', blocks: message.blocks ?? [] },
      state: { values: {} }, response_url: responseUrl, actions: [action],
    };
    const response = await this.post(new URLSearchParams({ payload: JSON.stringify({ ...payload, enterprise: null }) }).toString(), 'application/x-www-form-urlencoded');
    return { ...response, triggerId, responseUrl };
  }

  /**
   * Submits a modal. `values[blockId][actionId]` is the typed text, or the chosen option's value (comma-separated for
   * multi-selects and checkboxes); input blocks left out arrive empty, as from Slack.
   */
  async submitView(view: { id: string; callback_id: string; private_metadata: string; blocks: Params[] } & Params, values: Record<string, Record<string, string>> = {}): Promise<SlackResponse> {
    const state: Record<string, Record<string, ViewStateValue>> = {};
    const inputs = view.blocks.filter((b) => b.type === 'input' && b.element && typeof b.block_id === 'string');
    for (const block of inputs) {
      const element = block.element as Params;
      state[String(block.block_id)] = { [String(element.action_id)]: stateValue(element, undefined) };
    }
    for (const [blockId, actions] of Object.entries(values)) {
      const block = inputs.find((b) => b.block_id === blockId) ?? throwError(`no input block '${blockId}' in view ${view.id}`);
      const element = block.element as Params;
      for (const [actionId, value] of Object.entries(actions)) {
        if (element.action_id !== actionId) throwError(`block '${blockId}' has action_id '${String(element.action_id)}', not '${actionId}'`);
        state[blockId] = { [actionId]: stateValue(element, value) };
      }
    }
    const payload: ViewSubmitAction = {
      type: 'view_submission', team: { id: this.teamId, domain: this.fake.teamDomain },
      user: { id: this.id, name: this.name, team_id: this.teamId }, api_app_id: this.fake.appId, token: VERIFICATION_TOKEN,
      trigger_id: this.fake.issueTriggerId(this.id), is_enterprise_install: false, response_urls: [],
      view: { team_id: this.teamId, app_id: this.fake.appId, bot_id: this.fake.botId, type: 'modal', title: { type: 'plain_text', text: '' },
        close: null, submit: null, hash: '', root_view_id: view.id, previous_view_id: null, clear_on_close: false, notify_on_close: false,
        ...view, state: { values: state } } as unknown as ViewOutput,
    };
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  private channelName(channelId: string): string {
    return channelId.startsWith('D') ? 'directmessage' : this.fake.channelName(channelId) ?? 'privategroup';
  }
}

const SINGLE_FIELDS: Record<string, keyof ViewStateValue> = {
  datepicker: 'selected_date', timepicker: 'selected_time', users_select: 'selected_user',
  conversations_select: 'selected_conversation', channels_select: 'selected_channel',
};
const OPTION_ELEMENTS = new Set(['static_select', 'external_select', 'radio_buttons']);
const MULTI_OPTION_ELEMENTS = new Set(['multi_static_select', 'multi_external_select', 'checkboxes']);

function stateValue(element: Params, value: string | undefined): ViewStateValue {
  const type = String(element.type);
  if (OPTION_ELEMENTS.has(type)) return { type, selected_option: value === undefined ? null : findOption(element, value) };
  if (MULTI_OPTION_ELEMENTS.has(type)) return { type, selected_options: value ? value.split(',').map((v) => findOption(element, v.trim())) : [] };
  const field = SINGLE_FIELDS[type];
  if (field) return { type, [field]: value ?? null };
  return { type, value: value ?? null };
}

function findOption(element: Params, value: string): { text: { type: 'plain_text'; text: string; emoji: boolean }; value: string } {
  const groups = Array.isArray(element.option_groups) ? element.option_groups.flatMap((g) => (g as Params).options as Params[] ?? []) : [];
  const options = [...(Array.isArray(element.options) ? element.options as Params[] : []), ...groups];
  const option = options.find((o) => o.value === value) ?? throwError(`no option '${value}' in ${String(element.action_id)}`);
  return { text: { type: 'plain_text', text: String((option.text as Params | undefined)?.text ?? ''), emoji: true }, value };
}

function channelType(channel: string): 'im' | 'mpim' | 'channel' | 'group' {
  return channel.startsWith('D') ? 'im' : channel.startsWith('G') ? 'group' : 'channel';
}

const throwError = (message: string): never => { throw new Error(`SlackUser: ${message}`); };
