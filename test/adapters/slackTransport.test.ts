import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebClient, LogLevel } from '@slack/web-api';
import { createSlackApp } from '../../adapters/slack/createSlackApp';
import { createSlackMessenger } from '../../adapters/slack/slackMessenger';
import { startSlack } from '../../adapters/slack/startSlack';
import { createCaptureLogger } from '../helpers/captureLogger';
import { loadOrganisation } from '../helpers/organisationBot';
import { SlackHarness } from '../helpers/slackHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';
import { FakeSlack } from '../fakes/fakeSlack';
import { runAdmin } from '../../src/admin/adminCli';

let h: SlackHarness | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await h?.stop();
  await fake?.stop();
  h = undefined;
  fake = undefined;
});

async function linkedPair() {
  h = await SlackHarness.start({ linkByEmail: false });
  await loadOrganisation(h.bot, smallOrganisation('SMD'));
  const member = h.user('U0MEMBER', 'pelaksana');
  await h.link(member, NIP.pelaksana);
  return { harness: h, member };
}

describe('Slack adapter: requests, retries and limits', () => {
  it('answers 401 to a bad signature, a stale timestamp and a future one, and runs nothing', async () => {
    const { harness, member } = await linkedPair();
    const before = await harness.bot.db.inboundEvent.count();
    const callsBefore = harness.fake.calls.length;
    const body = new URLSearchParams({ command: '/timkerja', text: 'bantuan', team_id: harness.fake.teamId, user_id: member.id, channel_id: member.dmChannel, trigger_id: 'x.y', response_url: harness.fake.responseUrl() }).toString();
    const form = 'application/x-www-form-urlencoded';
    expect((await member.post(body, form, { badSignature: true })).status).toBe(401);
    expect((await member.post(body, form, { timestampOffsetSeconds: -301 })).status).toBe(401);
    expect((await member.post(body, form, { timestampOffsetSeconds: 301 })).status).toBe(401);
    await harness.bot.core.drainOutbox();
    expect(await harness.bot.db.inboundEvent.count()).toBe(before);
    expect(harness.fake.calls.slice(callsBefore).filter((c) => c.method !== 'response_url')).toEqual([]);
    // The same request, signed now, goes through.
    expect((await harness.send(member.post(body, form))).status).toBe(200);
    expect(harness.lastText(member)).toMatch(/^Perintah yang dapat Bapak\/Ibu gunakan/);
  });

  it('refuses a signed body that parses to null (JSON or payload=null) and keeps serving', async () => {
    const { harness, member } = await linkedPair();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const withTimeout = <T>(request: Promise<T>) => Promise.race([request, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 2000))]);
      expect((await withTimeout(member.post('null', 'application/json'))).status).toBe(400);
      expect((await withTimeout(member.post('payload=null', 'application/x-www-form-urlencoded'))).status).toBe(400);
      expect((await harness.send(member.slash('bantuan'))).status).toBe(200);
      expect(harness.lastText(member)).toMatch(/^Perintah yang dapat Bapak\/Ibu gunakan/);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('logs a malformed body without quoting it', async () => {
    const { harness, member } = await linkedPair();
    expect((await member.post('{"text": "rahasia-isi-pesan-7Q"', 'application/json')).status).toBe(400);
    expect((await member.post('payload=rahasia-isi-pesan-8Q', 'application/x-www-form-urlencoded')).status).toBe(400);
    const lines = harness.bot.logger.records.filter((r) => r.msg?.startsWith('Malformed request body'));
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(harness.bot.logger.records)).not.toMatch(/rahasia-isi-pesan/);
  });

  it('fails to start when auth.test fails at start, instead of ending the process later', async () => {
    fake = new FakeSlack();
    await fake.start();
    fake.failNext('auth.test', { status: 500 });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const logger = createCaptureLogger();
      const { app, receiver } = createSlackApp({ token: fake.token, signingSecret: 'rahasia', apiUrl: fake.apiUrl, core: {} as never, logger });
      const started = await startSlack(app, receiver, { port: 0, host: '127.0.0.1' }, logger).catch((error: unknown) => error as Error);
      if (!(started instanceof Error)) await started.stop();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(started).toBeInstanceOf(Error);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('handles a retried event delivery and a second click on the same button once', async () => {
    const { harness, member } = await linkedPair();
    const sent = await harness.send(member.say('halo'));
    const replies = harness.messages(member).length;
    const retried = await harness.send(member.retry(sent));
    expect(retried.status).toBe(200);
    expect(harness.messages(member).length).toBe(replies);

    await harness.send(member.slash('lapor'));
    await harness.send(member.submitView(harness.fake.modalOf(member.id) as never, {
      capaian_0: { nilai: '5' }, kegiatan: { nilai: 'Menyusun metadata' }, rencana: { nilai: 'Validasi data' },
    }));
    const { button: lanjut, message: buktiMessage } = harness.findButton(member, 'Lanjut');
    await harness.send(member.click(buktiMessage, lanjut.action_id));
    const afterFirst = harness.messages(member).length;
    await harness.send(member.click(buktiMessage, lanjut.action_id));
    expect(harness.lastText(member)).toBe('Tombol ini sudah digunakan sebelumnya.');
    expect(harness.messages(member).length).toBe(afterFirst + 1);
  });

  it('honours a 429 from the Web API: the message waits Retry-After and arrives once', async () => {
    const { harness, member } = await linkedPair();
    const before = harness.messages(member).length;
    harness.fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    await harness.send(member.slash('tugas'));
    expect(harness.messages(member).length).toBe(before);
    const row = await harness.bot.db.outboxMessage.findFirstOrThrow({ where: { lastError: 'PLATFORM_RATE_LIMITED' } });
    expect(row.nextAttemptAt.getTime() - harness.bot.clock.now().getTime()).toBe(2000);

    await harness.bot.core.drainOutbox();
    expect(harness.messages(member).length).toBe(before);
    harness.bot.clock.advance(2000);
    await harness.bot.core.drainOutbox();
    await harness.bot.core.drainOutbox();
    expect(harness.messages(member).length).toBe(before + 1);
    expect(harness.lastText(member)).toContain('Tim Satu Data');
  });

  it('reports a DM that is gone and a channel the bot left to the admin instead of retrying', async () => {
    const { harness, member } = await linkedPair();
    const admin = await harness.bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.admin } });
    const adminUser = await harness.bot.link(admin.id, 'admin-fake');
    harness.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await harness.send(member.slash('tugas'));
    expect(await harness.bot.db.platformIdentity.findFirstOrThrow({ where: { accountId: member.id } })).toMatchObject({ unreachableReason: 'channel_not_found' });
    expect(harness.bot.lastText(adminUser)).toMatch(/Pelaksana Uji/);

    const ketua = harness.user('U0KETUA', 'pranata');
    await harness.link(ketua, NIP.pfMuda);
    harness.fake.addChannel({ id: 'C0TIMDATA', name: 'tim-satu-data' });
    await harness.send(ketua.slash('hubungkangrup', { channelId: 'C0TIMDATA' }));
    harness.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await harness.press(ketua, 'Tim Satu Data', 'C0TIMDATA');
    const failed = await harness.bot.db.outboxMessage.findFirstOrThrow({ where: { lastError: 'not_in_channel' } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(harness.bot.lastText(adminUser)).toMatch(/^Pesan ke grup atau kanal Tim Satu Data di slack tidak dapat dikirim \(not_in_channel\)/);
  });

  it('tells the admins on another platform when the Slack token is revoked, once, and resends after renewal', async () => {
    const { harness, member } = await linkedPair();
    const admin = await harness.bot.db.pegawai.findFirstOrThrow({ where: { nip: NIP.admin } });
    const adminUser = await harness.bot.link(admin.id, 'admin-fake');
    // The admin's newest account is on Slack, which cannot carry the news.
    harness.bot.clock.advance(1000);
    await harness.link(harness.user('U0ADMIN', 'admin'), NIP.admin);
    harness.fake.revokeToken();
    await harness.send(member.slash('tugas'));
    await harness.send(member.slash('bantuan'));
    const told = harness.bot.messenger.sent.filter((m) => m.chatId === adminUser.chatId && /token bot dicabut/.test(JSON.stringify(m.message)));
    expect(told).toHaveLength(1);
    // Two replies and two App Home refreshes, each tried once.
    expect(await harness.bot.db.outboxMessage.count({ where: { status: 'FAILED', lastError: 'token_revoked', attempts: 1 } })).toBe(4);

    harness.fake.restoreToken();
    const lines: string[] = [];
    expect(await runAdmin(['kirim-ulang', 'slack'], harness.bot.db, {}, { line: (l) => lines.push(l), error: (l) => lines.push(l) }, harness.bot.clock.now())).toBe(0);
    expect(lines).toEqual(['4 pesan slack dijadwalkan untuk dikirim ulang.']);
    await harness.bot.core.drainOutbox();
    const texts = harness.messages(member).map((m) => m.text);
    expect(texts.filter((text) => text.startsWith('Tim kerja dan tugas Bapak/Ibu:'))).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith('Perintah yang dapat Bapak/Ibu gunakan:'))).toHaveLength(1);
  });

  it('acknowledges first in production mode (processBeforeResponse off), then does the work', async () => {
    const { harness, member } = await linkedPair();
    const production = await SlackHarness.start({ file: harness.bot.file, fake: harness.fake, processBeforeResponse: false });
    try {
      const before = harness.messages(member).length;
      const ack = await member.post(new URLSearchParams({
        command: '/timkerja', text: 'tugas', team_id: harness.fake.teamId, user_id: member.id, channel_id: member.dmChannel,
        channel_name: 'directmessage', trigger_id: harness.fake.issueTriggerId(member.id), response_url: harness.fake.responseUrl(),
      }).toString(), 'application/x-www-form-urlencoded');
      expect(ack.status).toBe(200);
      await expect.poll(async () => {
        await production.bot.core.drainOutbox();
        return harness.messages(member).length;
      }, { timeout: 3000 }).toBe(before + 1);
      expect(harness.lastText(member)).toMatch(/^Tim kerja dan tugas Bapak\/Ibu:/);
    } finally {
      await production.stopKeepingFake();
    }
  });

  it('splits a long message with many buttons so Slack accepts every part (50 blocks, 3000 characters)', async () => {
    fake = new FakeSlack();
    await fake.start();
    const user = fake.addUser({ id: 'U0LONG', name: 'panjang' });
    const messenger = createSlackMessenger(new WebClient(fake.token, { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR }), 0);
    const text = Array.from({ length: 150 }, (_, i) => `Baris ${i + 1}: ${'data '.repeat(18)}`).join('\n');
    const rows = Array.from({ length: 60 }, (_, i) => [{ label: `Tim ${i + 1} ${'x'.repeat(90)}`, token: `t:${String(i).padStart(12, '0')}` }]);
    const sent = await messenger.send({ workspace: fake.teamId, chatId: user.id }, { kind: 'choice', text, rows }, 'panjang-1');
    const messages = fake.messagesIn(user.dmChannel);
    expect(fake.callsOf('chat.postMessage').every((call) => !call.error)).toBe(true);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.blocks!.length <= 50)).toBe(true);
    const sections = messages.flatMap((m) => m.blocks!.filter((b) => b.type === 'section').map((b) => (b.text as { text: string }).text));
    expect(sections.every((s) => s.length <= 3000)).toBe(true);
    expect(sections.join('\n')).toBe(text);
    const buttons = messages.flatMap((m) => m.blocks!.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Array<{ value: string; text: { text: string } }>));
    expect(buttons.map((b) => b.value)).toEqual(rows.map(([r]) => r!.token));
    expect(buttons.every((b) => b.text.text.length <= 75)).toBe(true);
    expect(sent).toMatchObject({ channel: user.dmChannel, ts: messages.at(-1)!.ts });
  });
});
