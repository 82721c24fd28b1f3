import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/core/catalog/t';
import { loadOrganisation } from '../helpers/organisationBot';
import { SlackHarness } from '../helpers/slackHarness';
import { dm, TelegramHarness, tgUser } from '../helpers/telegramHarness';
import { NIP, smallOrganisation } from '../fixtures/smallOrganisation';

// Found by `npm run faults` (case 2, fuzzed input): what a platform could deliver but never does.
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const errorsOf = (records: Array<{ level: string; msg?: string }>) => records.filter((r) => r.level === 'error').map((r) => r.msg);

describe('adapters: malformed input', () => {
  it('Telegram: answers a press whose data holds a lone surrogate as an expired button, not as a failed turn', async () => {
    const h = await TelegramHarness.start();
    stop = () => h.stop();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const member = tgUser(5101, 'Anggota');
    await h.link(member, NIP.pelaksana);
    const from = { id: member.id, is_bot: false, first_name: member.first_name };
    await h.send(h.tg.rawUpdate({ callback_query: { id: 'cbq-surrogate', from, chat_instance: '1', data: 'tok\uD800en', message: { message_id: 1, date: 0, chat: { id: member.id, type: 'private' } } } }));
    expect(errorsOf(h.bot.logger.records)).toEqual([]);
    expect((await h.tg.waitForCall('answerCallbackQuery')).params.text).toBe(t('id', 'tombol.kedaluwarsa'));
    expect(h.lastText(member)).not.toBe(t('id', 'umum.terjadiKesalahan'));
  });

  it('Telegram: keeps a text holding NUL characters, without them, so a turn saves on PostgreSQL as on SQLite', async () => {
    const h = await TelegramHarness.start();
    stop = () => h.stop();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const applicant = tgUser(5102, 'Pemohon');
    await h.link(applicant, NIP.pfPertama);
    await h.send(h.tg.sendText(applicant, dm(applicant), '/ajukan'));
    await h.press(applicant, /^Tim Satu Data/);
    await h.send(h.tg.sendText(applicant, dm(applicant), 'Saya berpengalaman\u0000 mengolah data statistik\u0000 sektoral'));
    await h.press(applicant, 'Kirim');
    expect(errorsOf(h.bot.logger.records)).toEqual([]);
    const request = await h.bot.db.penugasan.findFirstOrThrow();
    expect(JSON.parse(request.details)).toMatchObject({ motivasi: 'Saya berpengalaman mengolah data statistik sektoral' });
  });

  it('Slack: answers a button value with a lone surrogate as an expired button, not as a failed turn', async () => {
    const h = await SlackHarness.start({ linkByEmail: false });
    stop = () => h.stop();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const member = h.user('U0MEMBER', 'pelaksana');
    await h.link(member, NIP.pelaksana);
    const payload = {
      type: 'block_actions', team: { id: h.fake.teamId }, user: { id: member.id, team_id: h.fake.teamId }, channel: { id: member.dmChannel },
      actions: [{ type: 'button', action_id: 'a', value: 'tok\uD800en', action_ts: '1700000000.000001' }],
    };
    const response = await h.send(member.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'));
    expect(response.status).toBe(200);
    expect(errorsOf(h.bot.logger.records)).toEqual([]);
    expect(h.lastText(member)).not.toBe(t('id', 'umum.terjadiKesalahan'));
  });

  it('Slack: skips an event whose envelope has a team_id that is not a string', async () => {
    const h = await SlackHarness.start({ linkByEmail: false });
    stop = () => h.stop();
    await loadOrganisation(h.bot, smallOrganisation('SMD'));
    const member = h.user('U0MEMBER', 'pelaksana');
    await h.link(member, NIP.pelaksana);
    const before = h.messages(member).length;
    const envelope = {
      type: 'event_callback', team_id: 12345, api_app_id: h.fake.appId, event_id: 'Ev0NUMERIC', event_time: 1,
      event: { type: 'message', user: member.id, text: 'halo', ts: '1700000000.000002', channel: member.dmChannel, channel_type: 'im' },
    };
    expect((await h.send(member.post(JSON.stringify(envelope), 'application/json'))).status).toBe(200);
    expect(errorsOf(h.bot.logger.records)).toEqual([]);
    expect(h.messages(member)).toHaveLength(before);
  });
});
