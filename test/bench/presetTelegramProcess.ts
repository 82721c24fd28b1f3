// Scenario 7's fake Bot API, in a process of its own so several bot processes share one fake that
// does not compete with the load generator's event loop. The chats and the callback query ids the
// load generator will use are known to it before the bots start (PRESET_FILE, JSON): any bot may
// then send to any chat and answer any press, without an IPC message per update.
import { readFileSync } from 'node:fs';
import { FakeTelegram } from '../fakes/fakeTelegram';

export interface TelegramPreset {
  /** Private chats (= Telegram user ids) the bots will send to. */
  chatIds: number[];
  /** Callback query ids the load generator will use, with the user who presses. */
  presses: Array<{ id: string; userId: number }>;
}

export type PresetProcessMessage =
  | { kind: 'ready'; apiRoot: string; token: string }
  | { kind: 'stopped'; calls: Record<string, { ok: number; failed: number }> };

const send = (message: PresetProcessMessage) => process.send?.(message);

if (process.send) {
  const preset = JSON.parse(readFileSync(process.env.PRESET_FILE!, 'utf8')) as TelegramPreset;
  const tg = new FakeTelegram();
  await tg.start();
  let lastUpdateId = 0;
  for (const id of preset.chatIds) {
    lastUpdateId = Number(tg.rawUpdate({ my_chat_member: { chat: { id, type: 'private' }, from: { id, is_bot: false, first_name: 'A' }, date: 0 } }).update_id);
  }
  for (const press of preset.presses) {
    lastUpdateId = Number(tg.rawUpdate({ callback_query: { id: press.id, from: { id: press.userId, is_bot: false, first_name: 'A' }, chat_instance: `ci${press.userId}`, data: 'preset' } }).update_id);
  }
  // Confirmed as a bot confirms updates, so the first bot's setWebhook is not handed these.
  await fetch(`${tg.apiRoot}bot${tg.token}/getUpdates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offset: lastUpdateId + 1, timeout: 0 }) });
  process.on('message', (command: { kind: 'stop' }) => {
    if (command.kind !== 'stop') return;
    const calls: Record<string, { ok: number; failed: number }> = {};
    for (const call of tg.calls) {
      const count = (calls[call.method] ??= { ok: 0, failed: 0 });
      if (call.error) count.failed++;
      else count.ok++;
    }
    send({ kind: 'stopped', calls });
    void tg.stop().then(() => process.exit(0));
  });
  send({ kind: 'ready', apiRoot: tg.apiRoot, token: tg.token });
}
