import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, LogLevel, webApi } from '@slack/bolt';
import { FakeSlack } from './fakeSlack';
import { SlackUser } from './slackUser';

const signingSecret = 'rahasia-penandatanganan-uji';

let fake: FakeSlack;
let app: App;
let alice: SlackUser;
let errors: unknown[];
let received: Array<{ type: string; subtype?: string; eventId: string; retryNum?: number }>;

const modal = (metadata: string) => ({
  type: 'modal' as const, callback_id: 'tugas_baru', private_metadata: metadata,
  title: { type: 'plain_text' as const, text: 'Tugas baru' }, submit: { type: 'plain_text' as const, text: 'Simpan' },
  blocks: [
    { type: 'input', block_id: 'judul', label: { type: 'plain_text', text: 'Judul' }, element: { type: 'plain_text_input', action_id: 'judul_input' } },
    { type: 'input', block_id: 'tim', label: { type: 'plain_text', text: 'Tim' }, element: { type: 'static_select', action_id: 'tim_select',
      options: [{ text: { type: 'plain_text', text: 'Tim Data' }, value: 'tim-data' }, { text: { type: 'plain_text', text: 'Tim Umum' }, value: 'tim-umum' }] } },
  ],
});

/** A real bolt app on the fake, with one handler per interaction kind. */
function createApp(): App {
  const created = new App({
    token: fake.token, signingSecret, processBeforeResponse: true, logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  created.error(async (err) => { errors.push(err); });
  created.command('/timkerja', async ({ ack, command, client, respond }) => {
    await ack();
    await client.views.open({ trigger_id: command.trigger_id, view: modal(command.text) });
    await respond({ response_type: 'ephemeral', text: 'Formulir dibuka' });
  });
  created.action('setujui', async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.channel || !body.message || action.type !== 'button') return;
    await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: `Disetujui: ${action.value ?? ''}`, blocks: [] });
  });
  created.view('tugas_baru', async ({ ack, view }) => {
    const judul = view.state.values.judul?.judul_input?.value ?? '';
    if (judul.length < 5) await ack({ response_action: 'errors', errors: { judul: 'Judul minimal 5 karakter' } });
    else await ack();
  });
  created.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Halo <@${event.user}>` } }] } });
  });
  created.event('message', async ({ event, body, context, say }) => {
    received.push({ type: event.type, ...(event.subtype ? { subtype: event.subtype } : {}), eventId: body.event_id, ...(context.retryNum === undefined ? {} : { retryNum: context.retryNum }) });
    if (event.subtype === undefined && context.retryNum === undefined) await say(`Pesan diterima: ${event.text ?? ''}`);
  });
  return created;
}

// WebClient logs Slack's response_metadata messages at error level; the rejections here are expected.
const quietLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => webApi.LogLevel.ERROR, setName() {} };
const webClient = (options: Record<string, unknown> = {}) =>
  new webApi.WebClient(fake.token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: quietLogger, ...options });

beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  const user = fake.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@samarindakota.go.id' });
  fake.addChannel({ id: 'C0UMUM', name: 'umum' });
  fake.addChannel({ id: 'C0LUAR', name: 'luar', member: false });
  errors = [];
  received = [];
  app = createApp();
  await fake.waitForCall('auth.test');  // fired by the App constructor
  const server = await app.start({ port: 0, host: '127.0.0.1' }) as http.Server;
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  alice = new SlackUser({ endpoint, signingSecret, fake, user });
});
afterEach(async () => {
  await app.stop();
  await fake.stop();
});

describe('FakeSlack with bolt and WebClient', () => {
  it('slash command: ack, views.open with its trigger_id, respond() to the response_url', async () => {
    const res = await alice.slash('rapat evaluasi');

    expect(res.status).toBe(200);
    expect(errors).toEqual([]);
    expect(fake.callsOf('views.open')[0]?.params).toMatchObject({ trigger_id: res.triggerId, view: { type: 'modal', callback_id: 'tugas_baru' } });
    expect(fake.modalOf(alice.id)).toMatchObject({ id: expect.stringMatching(/^V/), private_metadata: 'rapat evaluasi', root_view_id: expect.any(String) });
    expect(await fake.waitForCall('response_url')).toMatchObject({ url: res.responseUrl, params: { text: 'Formulir dibuka', response_type: 'ephemeral' } });

    // A trigger_id opens one view, within 3 s, and only if Slack issued it.
    const client = webClient();
    await expect(client.views.open({ trigger_id: res.triggerId, view: modal('') })).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
    const late = fake.issueTriggerId();
    fake.advanceClock(3001);
    await expect(client.views.open({ trigger_id: late, view: modal('') })).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    await expect(client.views.open({ trigger_id: '1.2.abc', view: modal('') })).rejects.toMatchObject({ data: { error: 'invalid_trigger_id' } });
  });

  it('block_actions: a button press reaches the handler, whose chat.update edits the stored message', async () => {
    const posted = await app.client.chat.postMessage({ channel: alice.id, text: 'Penugasan baru', blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*Penugasan baru*: Laporan bulanan' } },
      { type: 'actions', elements: [
        { type: 'button', action_id: 'setujui', value: 'T-17', style: 'primary', text: { type: 'plain_text', text: 'Setujui' } },
        { type: 'button', action_id: 'tolak', value: 'T-17', text: { type: 'plain_text', text: 'Tolak' } },
      ] },
    ] });
    expect(posted.channel).toBe(alice.dmChannel);
    const [message] = fake.messagesIn(alice.id);
    expect(message?.blocks?.map((b) => b.block_id)).toEqual([expect.any(String), expect.any(String)]);  // generated, as Slack does

    const res = await alice.click(message!, 'setujui');

    expect(res.status).toBe(200);
    expect(errors).toEqual([]);
    expect(fake.callsOf('chat.update')[0]?.params).toMatchObject({ channel: alice.dmChannel, ts: posted.ts });
    expect(fake.messagesIn(alice.dmChannel)).toEqual([
      { channel: alice.dmChannel, ts: posted.ts, text: 'Disetujui: T-17', blocks: [], edited: { user: fake.botUserId, ts: expect.any(String) } },
    ]);
    await expect(alice.click(message!, 'hapus')).rejects.toThrow(/no button 'hapus'/);
  });

  it('view_submission: a validation error comes back as response_action errors in the HTTP body', async () => {
    await alice.slash('');
    const view = fake.modalOf(alice.id)!;

    const refused = await alice.submitView(view, { judul: { judul_input: 'abc' }, tim: { tim_select: 'tim-data' } });
    expect(refused).toMatchObject({ status: 200, json: { response_action: 'errors', errors: { judul: 'Judul minimal 5 karakter' } } });

    const accepted = await alice.submitView(view, { judul: { judul_input: 'Laporan bulanan' } });
    expect(accepted).toMatchObject({ status: 200, body: '' });
    await expect(alice.submitView(view, { tanggal: { d: '2025-01-01' } })).rejects.toThrow(/no input block 'tanggal'/);
  });

  it('app_home_opened: views.publish keeps the latest home view per user', async () => {
    await alice.openHome();
    const first = fake.homeOf(alice.id);
    await alice.openHome();

    expect(fake.callsOf('views.publish')).toHaveLength(2);
    expect(fake.homeOf(alice.id)).toMatchObject({ id: first?.id, type: 'home', blocks: [{ text: { text: 'Halo <@U0ALICE>' } }] });
    expect(fake.homeOf('U0NOBODY')).toBeUndefined();
  });

  it('Events API: say() answers in the DM; a retried delivery carries X-Slack-Retry-Num; posts under 1 s apart are counted', async () => {
    const sent = await alice.say('halo');
    await alice.retry(sent);
    await alice.say('lagi');

    expect(received).toEqual([
      { type: 'message', eventId: sent.eventId },
      { type: 'message', eventId: sent.eventId, retryNum: 1 },
      { type: 'message', eventId: expect.not.stringMatching(sent.eventId) },
    ]);
    expect(fake.messagesIn(alice.id).map((m) => m.text)).toEqual(['Pesan diterima: halo', 'Pesan diterima: lagi']);
    expect(fake.chatViolations).toBe(1);
  });

  it('file_share: the file is in files.info and its url_private_download needs the bot token', async () => {
    const content = Buffer.from('%PDF-1.4 bukti dukung');
    const sent = await alice.sendFile({ id: 'F0BUKTI', name: 'bukti.pdf', mimetype: 'application/pdf', content }, { comment: 'bukti rapat' });

    expect(sent.status).toBe(200);
    expect(received).toEqual([{ type: 'message', subtype: 'file_share', eventId: sent.eventId }]);
    const { file } = await app.client.files.info({ file: 'F0BUKTI' });
    expect(file).toMatchObject({ id: 'F0BUKTI', name: 'bukti.pdf', mimetype: 'application/pdf', user: alice.id, size: content.length });
    const download = await fetch(file!.url_private_download!, { headers: { authorization: `Bearer ${fake.token}` } });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(content);
    const anonymous = await fetch(file!.url_private_download!);
    expect(anonymous.headers.get('content-type')).toMatch(/text\/html/);  // Slack's sign-in page, not the file
    await anonymous.text();
  });

  it('a bad signature or a stale timestamp gets 401 and runs no handler', async () => {
    const body = new URLSearchParams({ command: '/timkerja', text: '', user_id: alice.id, trigger_id: fake.issueTriggerId() }).toString();
    expect((await alice.post(body, 'application/x-www-form-urlencoded', { badSignature: true })).status).toBe(401);
    expect((await alice.post(body, 'application/x-www-form-urlencoded', { timestampOffsetSeconds: -301 })).status).toBe(401);
    expect(fake.callsOf('views.open')).toEqual([]);
  });

  it('uploadV2: the fake stores the uploaded bytes, shared in the channel with the comment', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x0a]);
    await app.client.files.uploadV2({ channel_id: 'C0UMUM', file: bytes, filename: 'laporan.pdf', title: 'Laporan Januari', initial_comment: 'Laporan terlampir' });

    const [uploaded] = fake.uploadedFiles('C0UMUM');
    expect(uploaded).toEqual({ id: expect.stringMatching(/^F/), title: 'Laporan Januari', filename: 'laporan.pdf', content: bytes, channel: 'C0UMUM', initialComment: 'Laporan terlampir' });
    expect(fake.callsOf('upload')[0]?.params).toMatchObject({ file_id: uploaded?.id, size: bytes.length });
    expect(fake.messagesIn('C0UMUM')).toEqual([expect.objectContaining({ text: 'Laporan terlampir', files: [uploaded?.id] })]);
    await expect(app.client.files.uploadV2({ channel_id: 'C0LUAR', content: 'x', filename: 'a.txt' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });

  it('rejects what Slack rejects', async () => {
    const client = webClient();
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    const button = (actionId: string, text = 'OK') => ({ type: 'button', action_id: actionId, text: { type: 'plain_text', text } });
    const rejection = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
    const post = (blocks: unknown[]) => client.chat.postMessage({ channel: 'C0UMUM', text: 'x', blocks: blocks as [] });

    await expect(post(Array.from({ length: 51 }, (_, i) => section(`baris ${i}`)))).rejects.toMatchObject(rejection('invalid_blocks'));
    await expect(post([section('x'.repeat(3001))])).rejects.toMatchObject(rejection('invalid_blocks'));
    await expect(post([{ type: 'actions', elements: [button('a', 'x'.repeat(76))] }])).rejects.toMatchObject(rejection('invalid_blocks'));
    await expect(post([{ type: 'actions', elements: [button('a'), button('a')] }])).rejects.toMatchObject(rejection('invalid_blocks'));
    await expect(post([{ type: 'actions', elements: [button('x'.repeat(256))] }])).rejects.toMatchObject(rejection('invalid_blocks'));
    await post([{ type: 'actions', elements: [button('a')] }, { type: 'actions', elements: [button('a')] }]);  // unique per block only
    await post(Array.from({ length: 50 }, (_, i) => section(`baris ${i}`)));

    await client.chat.postMessage({ channel: 'C0UMUM', blocks: [section('tanpa text')] });
    expect(fake.callsOf('chat.postMessage').at(-1)).toMatchObject({ status: 200, warning: 'missing_text' });
    await expect(client.chat.postMessage({ channel: 'C0LUAR', text: 'x' })).rejects.toMatchObject(rejection('not_in_channel'));
    await expect(client.chat.postMessage({ channel: 'C0TIDAKADA', text: 'x' })).rejects.toMatchObject(rejection('channel_not_found'));
    await expect(client.chat.update({ channel: 'C0UMUM', ts: '1.000100', text: 'x' })).rejects.toMatchObject(rejection('message_not_found'));

    const trigger = () => fake.issueTriggerId();
    await expect(client.views.open({ trigger_id: trigger(), view: { ...modal(''), title: { type: 'plain_text', text: 'x'.repeat(25) } } })).rejects.toMatchObject(rejection('invalid_arguments'));
    const noBlockId = { ...modal(''), blocks: [{ type: 'input', label: { type: 'plain_text', text: 'Judul' }, element: { type: 'plain_text_input', action_id: 'j' } }] };
    await expect(client.views.open({ trigger_id: trigger(), view: noBlockId as never })).rejects.toMatchObject(rejection('invalid_arguments'));
    await expect(client.views.open({ trigger_id: trigger(), view: { ...modal(''), blocks: Array.from({ length: 101 }, () => ({ type: 'divider' as const })) } })).rejects.toMatchObject(rejection('invalid_arguments'));
    await expect(client.views.publish({ user_id: alice.id, view: modal('') })).rejects.toMatchObject(rejection('invalid_arguments'));

    expect((await client.users.info({ user: alice.id })).user).toMatchObject({ id: alice.id, profile: { email: 'alice@samarindakota.go.id' } });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject(rejection('user_not_found'));
    expect((await client.conversations.open({ users: alice.id })).channel).toEqual({ id: alice.dmChannel });

    await expect(webClient().auth.test({ token: 'xoxb-salah' })).rejects.toMatchObject(rejection('invalid_auth'));
    fake.revokeToken();
    await expect(client.auth.test()).rejects.toMatchObject(rejection('token_revoked'));
  });

  it('429: WebClient waits Retry-After and retries by default; rejectRateLimitedCalls throws at once', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await new webApi.WebClient(fake.token, { slackApiUrl: fake.apiUrl, logger: quietLogger }).chat.postMessage({ channel: alice.id, text: 'x' });

    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.callsOf('chat.postMessage').map((c) => [c.status, c.error])).toEqual([[429, 'ratelimited'], [200, undefined]]);

    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(webClient({ rejectRateLimitedCalls: true }).chat.postMessage({ channel: alice.id, text: 'x' }))
      .rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 });
    await expect(webClient().chat.postMessage({ channel: alice.id, text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('enforceChannelRate answers a second post within 1 s to the same channel with 429', async () => {
    const strict = new FakeSlack({ enforceChannelRate: true });
    await strict.start();
    try {
      strict.addChannel({ id: 'C0UMUM', name: 'umum' });
      const client = new webApi.WebClient(strict.token, { slackApiUrl: strict.apiUrl, rejectRateLimitedCalls: true, logger: quietLogger });
      await client.chat.postMessage({ channel: 'C0UMUM', text: '1' });
      await expect(client.chat.postMessage({ channel: 'C0UMUM', text: '2' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
      strict.advanceClock(1000);
      await client.chat.postMessage({ channel: 'C0UMUM', text: '3' });
      expect(strict.messagesIn('C0UMUM').map((m) => m.text)).toEqual(['1', '3']);
      expect(strict.chatViolations).toBe(1);

      const mark = strict.calls.length;
      const next = strict.waitForCall('chat.postMessage', undefined, 3000, mark);
      strict.advanceClock(1000);
      await client.chat.postMessage({ channel: 'C0UMUM', text: '4' });
      expect((await next).params.text).toBe('4');
    } finally {
      await strict.stop();
    }
  });
});
