import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import type { UserFromGetMe } from '@telegraf/types';
import { FakeTelegram, type FakeChat, type FakeUser } from './fakeTelegram';

const alice: FakeUser = { id: 42, first_name: 'Alice', username: 'alice' };
const dm: FakeChat = { id: 42, type: 'private' };
const group: FakeChat = { id: -1001234, type: 'supergroup', title: 'Tim Kerja' };

let tg: FakeTelegram;
let errors: unknown[];

beforeEach(async () => {
  tg = new FakeTelegram();
  await tg.start();
  errors = [];
});
afterEach(async () => {
  await tg.stop();
});

/** A real telegraf bot pointed at the fake; handler errors are collected instead of rethrown. */
function createBot(options: { skipGetMe?: boolean } = { skipGetMe: true }): Telegraf {
  const bot = new Telegraf(tg.token, { telegram: { apiRoot: tg.apiRoot, webhookReply: false } });
  if (options.skipGetMe) bot.botInfo = tg.botUser as UserFromGetMe;
  bot.catch((err) => { errors.push(err); });
  return bot;
}

const methods = () => tg.calls.map((c) => c.method);

describe('FakeTelegram with telegraf', () => {
  it('handleUpdate: inline keyboard, button click, answerCbQuery and editMessageText', async () => {
    const bot = createBot();
    bot.start((ctx) => ctx.reply('Konfirmasi tugas?', Markup.inlineKeyboard([Markup.button.callback('Ya', 'confirm')])));
    bot.action('confirm', async (ctx) => {
      await ctx.answerCbQuery('ok');
      await ctx.editMessageText('Tugas dikonfirmasi');
    });

    await bot.handleUpdate(tg.sendText(alice, dm, '/start'));
    const [prompt] = tg.messagesTo(dm.id);
    expect(prompt).toMatchObject({ text: 'Konfirmasi tugas?', chat: { id: 42, type: 'private' }, from: { id: tg.botUser.id } });
    expect(prompt?.reply_markup?.inline_keyboard).toMatchObject([[{ text: 'Ya', callback_data: 'confirm' }]]);

    await bot.handleUpdate(tg.clickButton(alice, prompt!, 'confirm'));

    expect(errors).toEqual([]);
    expect(methods()).toEqual(['sendMessage', 'answerCallbackQuery', 'editMessageText']);
    expect(tg.calls[1]?.params).toMatchObject({ text: 'ok' });
    expect(tg.calls[2]?.params).toMatchObject({ chat_id: 42, message_id: prompt!.message_id });
    // editMessageText without reply_markup drops the keyboard, as on Telegram.
    expect(tg.messagesTo(dm.id)).toEqual([
      expect.objectContaining({ message_id: prompt!.message_id, text: 'Tugas dikonfirmasi', edit_date: expect.any(Number) }),
    ]);
    expect(tg.messagesTo(dm.id)[0]?.reply_markup).toBeUndefined();
  });

  it('keeps group chat types and rejects what Telegram rejects', async () => {
    const bot = createBot();
    bot.on(message('text'), (ctx) => ctx.reply(`halo ${ctx.chat.type}`));
    await bot.handleUpdate(tg.sendText(alice, group, 'ping'));
    const [sent] = tg.messagesTo(group.id);
    expect(sent).toMatchObject({ text: 'halo supergroup', chat: { id: group.id, type: 'supergroup', title: 'Tim Kerja' } });

    const rejection = (description: string) => ({ response: { ok: false, error_code: 400, description: `Bad Request: ${description}` } });
    await expect(bot.telegram.sendMessage(999, 'x')).rejects.toMatchObject(rejection('chat not found'));
    await expect(bot.telegram.sendMessage(group.id, 'x'.repeat(4097))).rejects.toMatchObject(rejection('message is too long'));
    await expect(bot.telegram.editMessageText(group.id, 99, undefined, 'x')).rejects.toMatchObject(rejection('message to edit not found'));
    await expect(bot.telegram.editMessageText(group.id, sent!.message_id, undefined, 'halo supergroup'))
      .rejects.toMatchObject({ response: { description: expect.stringMatching(/^Bad Request: message is not modified/) } });

    // parse_mode HTML: length counts after entity parsing, and broken markup is rejected.
    await bot.telegram.sendMessage(group.id, `<b>${'x'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    await expect(bot.telegram.sendMessage(group.id, 'aku <3 kamu', { parse_mode: 'HTML' }))
      .rejects.toMatchObject({ response: { description: expect.stringMatching(/^Bad Request: can't parse entities/) } });
    await expect(bot.telegram.setMyCommands([{ command: 'Tugas-Baru', description: 'x' }])).rejects.toMatchObject({ code: 400 });
    await bot.telegram.setMyCommands([{ command: 'tugas_baru', description: 'Buat tugas' }]);
    expect(await bot.telegram.getMyCommands()).toEqual([{ command: 'tugas_baru', description: 'Buat tugas' }]);

    const unknown = await fetch(`${tg.apiRoot}bot${tg.token}/sendPoll`, { method: 'POST' });
    expect([unknown.status, await unknown.json()]).toEqual([404, { ok: false, error_code: 404, description: 'Not Found: method not found' }]);
    const wrongToken = await fetch(`${tg.apiRoot}bot1:WRONG/getMe`);
    expect([wrongToken.status, await wrongToken.json()]).toEqual([401, { ok: false, error_code: 401, description: 'Unauthorized' }]);
  });

  it('long polling: launch, receive an update while the poll is held, reply, stop', async () => {
    const bot = createBot({ skipGetMe: false });
    bot.on(message('text'), (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const polling = bot.launch();  // resolves only once polling has stopped

    await tg.waitForCall('deleteWebhook');
    await vi.waitFor(() => expect(tg.pendingPolls).toBe(1));
    const update = tg.sendText(alice, dm, 'apa kabar');
    const sent = await tg.waitForCall('sendMessage');
    bot.stop('test done');
    await polling;

    expect(errors).toEqual([]);
    expect(sent.params).toMatchObject({ chat_id: 42, text: 'echo: apa kabar' });
    expect(methods().slice(0, 3)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    expect(tg.calls[2]?.params).toMatchObject({ timeout: 50, offset: 0 });
    // telegraf confirms the handled update on shutdown by asking for offset = update_id + 1; it is then gone.
    expect(tg.calls.filter((c) => c.method === 'getUpdates').at(-1)?.params).toMatchObject({ offset: update.update_id + 1 });
    expect(await bot.telegram.getUpdates(0, 100, 0, undefined)).toEqual([]);
  });

  it('records a multipart document upload with file name and bytes', async () => {
    const bot = createBot();
    bot.command('laporan', (ctx) => ctx.replyWithDocument({ source: Buffer.from('hello'), filename: 'a.txt' }, { caption: 'Laporan' }));
    await bot.handleUpdate(tg.sendText(alice, dm, '/laporan'));

    expect(errors).toEqual([]);
    const call = await tg.waitForCall('sendDocument');
    expect(call.params).toMatchObject({ chat_id: 42, caption: 'Laporan' });
    expect(call.files.document?.name).toBe('a.txt');
    expect(call.files.document?.content.toString('utf8')).toBe('hello');
    const [stored] = tg.messagesTo(dm.id);
    expect(stored).toMatchObject({ caption: 'Laporan', document: { file_name: 'a.txt', file_id: expect.any(String) } });

    // The generated file_id can be sent again without uploading.
    const resent = await bot.telegram.sendDocument(dm.id, stored!.document!.file_id);
    expect(resent.document.file_name).toBe('a.txt');
  });

  it('failNext: a 429 reaches telegraf as a TelegramError with retry_after, then calls succeed again', async () => {
    const bot = createBot();
    bot.start((ctx) => ctx.reply('halo'));
    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });

    await bot.handleUpdate(tg.sendText(alice, dm, '/start'));
    expect(errors).toHaveLength(1);
    const error = errors[0];
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).code).toBe(429);
    expect((error as TelegramError).response.parameters?.retry_after).toBe(1);
    expect(tg.messagesTo(dm.id)).toEqual([]);

    await bot.handleUpdate(tg.sendText(alice, dm, '/start'));
    expect(errors).toHaveLength(1);
    expect(tg.messagesTo(dm.id).map((m) => m.text)).toEqual(['halo']);

    tg.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(bot.telegram.sendMessage(dm.id, 'x')).rejects.toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
  });

  it('webhook: delivers with the secret-token header; a wrong secret gets 403 and no handler run', async () => {
    const bot = createBot();
    bot.on(message('text'), (ctx) => ctx.reply(`diterima: ${ctx.message.text}`));
    const server = http.createServer(bot.webhookCallback('/hook', { secretToken: 's3cret' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await bot.telegram.setWebhook(url, { secret_token: 's3cret' });
      const good = tg.sendText(alice, dm, 'satu');
      expect(await tg.waitForWebhookDelivery(good.update_id)).toEqual({ status: 200, update_id: good.update_id });

      await bot.telegram.setWebhook(url, { secret_token: 'salah' });
      const bad = tg.sendText(alice, dm, 'dua');
      expect(await tg.waitForWebhookDelivery(bad.update_id)).toEqual({ status: 403, update_id: bad.update_id });

      expect(errors).toEqual([]);
      expect(tg.messagesTo(dm.id).map((m) => m.text)).toEqual(['diterima: satu']);
      await expect(bot.telegram.getUpdates(0, 100, 0, undefined)).rejects.toMatchObject({ code: 409 });
    } finally {
      await new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); });
    }
  });
});
