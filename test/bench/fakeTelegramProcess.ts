// A FakeTelegram in a process of its own, driven over IPC: the times it records do not depend on
// how busy the bench process is (scenario 5 measures seconds while other scenarios load the CPU).
import { FakeTelegram } from '../fakes/fakeTelegram';

export type FakeProcessMessage =
  | { kind: 'ready'; apiRoot: string; token: string }
  | { kind: 'call'; method: string; chatId: number; at: number; ok: boolean }
  | { kind: 'registered' };
export type FakeProcessCommand = { kind: 'register'; chatIds: number[] } | { kind: 'stop' };

const send = (message: FakeProcessMessage) => process.send?.(message);

if (process.send) {
  const tg = new FakeTelegram();
  await tg.start();
  let reported = 0;
  const flush = () => {
    for (; reported < tg.calls.length; reported++) {
      const call = tg.calls[reported]!;
      send({ kind: 'call', method: call.method, chatId: Number(call.params.chat_id), at: call.at, ok: !call.error });
    }
  };
  const timer = setInterval(flush, 20);
  process.on('message', (command: FakeProcessCommand) => {
    if (command.kind === 'register') {
      // The members started the bot once: the Bot API knows their chats. A my_chat_member update
      // registers the chat in the fake, and the bot skips it (no message to answer).
      for (const id of command.chatIds) {
        tg.rawUpdate({ my_chat_member: { chat: { id, type: 'private' }, from: { id, is_bot: false, first_name: 'A' }, date: 0 } });
      }
      send({ kind: 'registered' });
    } else {
      clearInterval(timer);
      flush();
      void tg.stop().then(() => process.exit(0));
    }
  });
  send({ kind: 'ready', apiRoot: tg.apiRoot, token: tg.token });
}
