import { afterEach, describe, expect, it } from 'vitest';
import { TestBot } from '../helpers/botHarness';
import { formFlow } from '../helpers/formFlow';
import { seedMinimal } from '../helpers/seedMinimal';

const flows = [formFlow];
let bot: TestBot;
afterEach(async () => { await bot?.stop(); });

/** A bot with the test form flow and one linked pegawai, Ani. */
async function startWithAni() {
  bot = await TestBot.start({ flows });
  const { ids } = await seedMinimal(bot.db, ['Ani']);
  return { ani: await bot.link(ids.Ani!), ids };
}

describe('flow engine', () => {
  it('resumes a half-filled form in a new core instance on the same database file', async () => {
    const { ani, ids } = await startWithAni();
    await bot.as(ani).command('isi');
    await bot.as(ani).say('Saya menguasai analisis data spasial');

    bot = await bot.restart();
    await bot.as(ani).press('Kirim');

    expect(bot.lastText(ani)).toMatch(/^Pengajuan nomor 1 telah dikirim/);
    expect(await bot.db.conversation.count()).toBe(0);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'uji.kirim' } })).toMatchObject({ actorId: ids.Ani, outcome: 'OK' });
  });

  it('keeps the form when an unexpected text arrives and refuses a stale button after /batal', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('isi');
    await bot.as(ani).say('Motivasi yang cukup panjang untuk diuji');
    await bot.as(ani).say('teks lain');
    expect(bot.lastText(ani)).toMatch(/pilih salah satu tombol/);

    const kirim = bot.findButton(ani, 'Kirim');
    await bot.as(ani).command('batal');
    expect(bot.lastText(ani)).toBe('Percakapan dibatalkan. Data yang belum dikirim tidak disimpan.');
    const result = await bot.as(ani).pressToken(kirim);
    expect(result.status).toBe('processed');
    expect(bot.lastText(ani)).toBe('Tombol ini sudah tidak berlaku. Silakan gunakan pesan terbaru.');
  });

  it('ends an idle conversation with a message and no longer accepts its buttons', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('isi');
    await bot.as(ani).say('Motivasi yang cukup panjang untuk diuji');
    const kirim = bot.findButton(ani, 'Kirim');
    bot.clock.advance(49 * 3600_000);

    expect(await bot.core.expireConversations()).toBe(1);
    await bot.core.drainOutbox();
    expect(bot.lastText(ani)).toMatch(/^Percakapan sebelumnya berakhir/);
    await bot.as(ani).pressToken(kirim);
    expect(bot.lastText(ani)).toMatch(/^Tombol ini sudah tidak berlaku/);
  });

  it('answers a second press of the same choice as already used', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('isi');
    await bot.as(ani).say('Motivasi yang cukup panjang untuk diuji');
    const kirim = bot.findButton(ani, 'Kirim');
    await bot.as(ani).pressToken(kirim);
    await bot.as(ani).command('isi');
    await bot.as(ani).pressToken(kirim);
    expect(bot.lastText(ani)).toBe('Tombol ini sudah digunakan sebelumnya.');
  });

  it('gives one effect for a platform retry of the same event', async () => {
    const { ani } = await startWithAni();
    const event = { kind: 'command', command: 'isi', args: '', meta: { eventKey: 'tg:update:777', account: { platform: 'fake', workspace: '', accountId: ani.accountId, chatId: ani.chatId } } };
    const first = await bot.core.handleEvent(event);
    const second = await bot.core.handleEvent(event);
    await bot.core.drainOutbox();
    expect([first.status, second.status]).toEqual(['processed', 'duplicate']);
    expect(bot.inbox(ani).filter((m) => m.kind === 'text' && m.text.startsWith('Tim Uji'))).toHaveLength(1);
  });

  it('skips a malformed event without a crash and keeps serving the next one', async () => {
    const { ani } = await startWithAni();
    expect((await bot.core.handleEvent({ kind: 'command', command: 'DROP TABLE', meta: {} })).status).toBe('invalid');
    expect((await bot.core.handleEvent(null)).status).toBe('invalid');
    await bot.as(ani).command('isi');
    expect(bot.lastText(ani)).toMatch(/^Tim Uji/);
  });

  it('answers a failing handler with an apology, logs no message body, and serves the next update', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('isi');
    const failed = await bot.as(ani).say('meledak');
    expect(failed.status).toBe('error');
    expect(bot.lastText(ani)).toMatch(/^Mohon maaf, terjadi kesalahan/);
    expect(JSON.stringify(bot.logger.records)).not.toMatch(/meledak|secret body/);
    await bot.as(ani).say('Sekarang teks yang benar dan cukup panjang');
    expect(bot.lastText(ani)).toMatch(/^Ringkasan pengajuan/);
  });

  it('lists in /bantuan only the commands this user may use', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('bantuan');
    expect(bot.lastText(ani)).toContain('/isi: ');
    expect(bot.lastText(ani)).toContain('/batal: ');
  });

  it('issues button ids that fit Telegram callback_data (64 bytes) and carry no payload', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('isi');
    await bot.as(ani).say('Motivasi yang panjang dengan huruf é dan 中文 untuk diuji');
    const tokens = bot.inbox(ani).flatMap((m) => (m.kind === 'choice' ? m.rows.flat().map((b) => b.token) : []));
    expect(tokens.length).toBe(2);
    for (const token of tokens) {
      expect(Buffer.byteLength(token, 'utf8')).toBeLessThanOrEqual(64);
      expect(token).toMatch(/^t:[0-9A-Za-z]{12}$/);
    }
  });
});

describe('flow engine under load and in other languages', () => {
  it('handles 100 simultaneous updates from one user with one conversation row and one reply each', async () => {
    const { ani } = await startWithAni();
    await bot.as(ani).command('isi');
    const account = { platform: 'fake', workspace: '', accountId: ani.accountId, chatId: ani.chatId };
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      bot.core.handleEvent({ kind: 'text', text: `pesan singkat ${i}`, meta: { eventKey: `burst-${i}`, account } })));
    await bot.core.drainOutbox();

    expect(results.every((r) => r.status === 'processed')).toBe(true);
    expect(await bot.db.conversation.count()).toBe(1);
    expect(await bot.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'burst-' } } })).toBe(100);
  });

  it('answers in English for a pegawai whose language is English', async () => {
    const { ani, ids } = await startWithAni();
    await bot.db.pegawai.update({ where: { id: ids.Ani! }, data: { locale: 'en' } });
    await bot.as(ani).command('bantuan');
    expect(bot.lastText(ani)).toMatch(/^Commands you can use:\n/);
    await bot.as(ani).command('isi');
    expect(bot.lastText(ani)).toMatch(/^Team Uji, performance-owning unit Unit Uji\./);
  });
});

describe('flow engine: buttons belong to their recipient', () => {
  it('refuses and audits a step button pressed by another user at the same step, leaving the owner’s form intact', async () => {
    bot = await TestBot.start({ flows });
    const { ids } = await seedMinimal(bot.db, ['Ani', 'Budi']);
    const ani = await bot.link(ids.Ani!);
    const budi = await bot.link(ids.Budi!);
    for (const user of [ani, budi]) {
      await bot.as(user).command('isi');
      await bot.as(user).say('Motivasi yang cukup panjang untuk diuji');
    }

    const result = await bot.as(budi).pressToken(bot.findButton(ani, 'Kirim'));

    expect(result.status).toBe('refused');
    expect(await bot.db.auditLog.findFirst({ where: { outcome: 'REFUSED' } })).toMatchObject({ actorId: ids.Budi, rule: 'C7' });
    await bot.as(ani).press('Kirim');
    expect(bot.lastText(ani)).toMatch(/^Pengajuan nomor 1 telah dikirim/);
  });
});

describe('message catalogue', () => {
  it('has an English text for every Indonesian key, with the same placeholders', async () => {
    const { id } = await import('../../src/core/catalog/id');
    const { en } = await import('../../src/core/catalog/en');
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as Array<keyof typeof id>) {
      expect(en[key], key).toBeTypeOf('string');
      expect(placeholders(en[key]!), key).toEqual(placeholders(id[key]));
    }
  });
});
