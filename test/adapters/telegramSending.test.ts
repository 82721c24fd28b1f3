import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueSends } from '../../src/core/outbox/enqueue';
import type { CoreMessage } from '../../src/core/messages';
import { loadOrganisation } from '../helpers/organisationBot';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

let h: TelegramHarness;
afterEach(async () => { await h?.stop(); });

const official = tgUser(7001, 'Pejabat');
const admin = tgUser(7002, 'Admin');
const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function notify(nip: string, message: CoreMessage) {
  const pegawai = await h.bot.db.pegawai.findFirstOrThrow({ where: { nip } });
  await h.bot.db.$transaction((tx) => enqueueSends(tx, [{ id: randomUUID(), idempotencyKey: randomUUID(), to: { kind: 'pegawai', pegawaiId: pegawai.id }, message }],
    { flowId: 'core', step: null, stepTtlMs: 1000, actionTtlMs: 1000 }, h.bot.clock.now()));
}

const sentTo = (chatId: number) => h.tg.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === chatId);

describe('Telegram sending through the outbox', () => {
  it('waits retry_after on a 429 and then delivers the message once', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation());
    await h.link(official, NIP.pfPertama);
    h.tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });

    await h.send(h.tg.sendText(official, dm(official), '/bantuan'));
    expect(sentTo(official.id).at(-1)?.error?.error_code).toBe(429);
    await h.bot.core.drainOutbox();
    expect(h.tg.messagesTo(official.id).filter((m) => m.text?.startsWith('Perintah yang dapat'))).toHaveLength(0);

    h.bot.clock.advance(3000);
    await h.bot.core.drainOutbox();
    await h.bot.core.drainOutbox();
    expect(h.tg.messagesTo(official.id).filter((m) => m.text?.startsWith('Perintah yang dapat'))).toHaveLength(1);
  });

  it('retries a 5xx with backoff and delivers once', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation());
    await h.link(official, NIP.pfPertama);
    h.tg.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await notify(NIP.pfPertama, { kind: 'text', text: { key: 'percakapan.tidakAda' } });
    await h.bot.core.drainOutbox();
    const row = await h.bot.db.outboxMessage.findFirstOrThrow({ where: { status: 'PENDING' } });
    expect(row.attempts).toBe(1);
    h.bot.clock.advance(2000);
    await h.bot.core.drainOutbox();
    expect(h.tg.messagesTo(official.id).filter((m) => m.text === 'Tidak ada percakapan yang sedang berjalan.')).toHaveLength(1);
    expect(sentTo(official.id).filter((c) => c.error?.error_code === 502)).toHaveLength(1);
  });

  it('paces messages to one chat at one per second without holding up other chats', async () => {
    h = await TelegramHarness.start({ pacing: { privateChatIntervalMs: 1000, groupChatIntervalMs: 3000 } });
    await loadOrganisation(h.bot, smallOrganisation());
    await h.link(official, NIP.pfPertama);
    await h.link(admin, NIP.admin);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the link replies' windows pass
    for (const key of ['umum.tidakDimengerti', 'percakapan.tidakAda', 'tombol.kedaluwarsa'] as const) await notify(NIP.pfPertama, { kind: 'text', text: { key } });
    await notify(NIP.admin, { kind: 'text', text: { key: 'percakapan.tidakAda' } });

    const first = await h.bot.core.drainOutbox();
    expect(first).toMatchObject({ sent: 2, paced: 2 });
    while ((await h.bot.db.outboxMessage.count({ where: { status: 'PENDING' } })) > 0) {
      const pass = await h.bot.core.drainOutbox();
      await new Promise((resolve) => setTimeout(resolve, pass.nextInMs ?? 50));
    }

    // Arrival times at the fake, not send decisions: a busy machine delays one request by tens of
    // milliseconds, so the bound leaves room for that; unpaced sends would arrive milliseconds apart.
    const times = sentTo(official.id).slice(-3).map((c) => c.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(900);
    expect(h.tg.messagesTo(official.id).slice(-3).map((m) => m.text)).toEqual([
      'Mohon maaf, pesan tersebut belum dapat kami pahami. Ketik /bantuan untuk melihat perintah yang tersedia.',
      'Tidak ada percakapan yang sedang berjalan.',
      'Tombol ini sudah tidak berlaku. Silakan gunakan pesan terbaru.',
    ]);
  });

  it('gives one effect for the same update_id delivered twice and skips a malformed update without stopping', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation());
    await h.link(official, NIP.pfPertama);
    const update = h.tg.sendText(official, dm(official), '/bantuan');
    await h.send(update);
    await h.send(update);
    expect(h.tg.messagesTo(official.id).filter((m) => m.text?.startsWith('Perintah yang dapat'))).toHaveLength(1);

    await h.send({ update_id: 424242, message: { text: '/bantuan' } });
    await h.send({ update_id: 424243, message: { message_id: 1, from: { id: 'bukan angka' }, chat: null, text: 5 } });
    expect(h.bot.logger.records.filter((r) => (r.obj as { code?: string }).code === 'UPDATE_SKIPPED')).toHaveLength(2);
    await h.send(h.tg.sendText(official, dm(official), '/batal'));
    expect(h.tg.messagesTo(official.id).at(-1)?.text).toBe('Tidak ada percakapan yang sedang berjalan.');
  });

  it('marks a user who blocked the bot unreachable, tells the admin once, and does not retry', async () => {
    h = await TelegramHarness.start();
    await loadOrganisation(h.bot, smallOrganisation());
    await h.link(official, NIP.pfPertama);
    await h.link(admin, NIP.admin);
    h.tg.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });

    await notify(NIP.pfPertama, { kind: 'text', text: { key: 'percakapan.tidakAda' } });
    await h.bot.core.drainOutbox();
    await h.bot.core.drainOutbox();
    await notify(NIP.pfPertama, { kind: 'text', text: { key: 'percakapan.tidakAda' } });
    await h.bot.core.drainOutbox();

    expect(await h.bot.db.outboxMessage.count({ where: { status: 'FAILED', lastError: 'bot_blocked' } })).toBe(1);
    expect(await h.bot.db.outboxMessage.count({ where: { status: 'UNDELIVERABLE' } })).toBe(1);
    expect(h.tg.messagesTo(admin.id).filter((m) => m.text?.includes('tidak dapat dikirim (bot_blocked)'))).toHaveLength(1);
    expect(sentTo(official.id).filter((c) => c.error)).toHaveLength(1);
  });

  it('escapes names for HTML and splits a long message at line boundaries', async () => {
    h = await TelegramHarness.start();
    const org = smallOrganisation();
    org.pegawai[6]!.nama = 'Dr. A_b *C* [D] <E> & F';
    await loadOrganisation(h.bot, org);
    await h.link(official, NIP.pfPertama);
    expect(unescape(h.tg.messagesTo(official.id).at(-1)!.text!)).toMatch(/^Akun berhasil terhubung sebagai Dr\. A_b \*C\* \[D\] <E> & F \(NIP/);

    const lines = Array.from({ length: 120 }, (_, i) => `Baris ${i} <${'x'.repeat(60)}> & seterusnya`);
    await notify(NIP.pfPertama, { kind: 'text', text: { key: 'persetujuan.hasil', params: { permohonan: lines.join('\n'), hasil: 'selesai' } } });
    await h.bot.core.drainOutbox();
    const parts = sentTo(official.id).slice(-3).map((c) => String(c.params.text));
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.map(unescape).join('\n')).toBe(`${lines.join('\n')}\n\nselesai`);
  });
});
