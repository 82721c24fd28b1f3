import type { FaultTelegram } from './faultTelegram';
import type { FakeChat, FakeUser, StoredMessage } from '../fakes/fakeTelegram';

interface InlineButton { text: string; callback_data?: string }

/** Resolves with the first truthy value of `probe`, or null after `timeoutMs`. */
export async function waitUntil<T>(probe: () => T | undefined | null | false, timeoutMs: number, everyMs = 25): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * One person in a private chat with the real bot, through the fake Bot API: says something or
 * presses a button, then waits for the answer as a person would. Keeps what went unanswered.
 */
export class ChatUser {
  /** What this user sent that got no answer in time ("/lapor", "press Kirim"). */
  readonly unanswered: string[] = [];
  /** Milliseconds from sending to the answer, per answered message. */
  readonly answerMs: number[] = [];
  sent = 0;

  constructor(private readonly tg: FaultTelegram, readonly user: FakeUser) {}

  get chat(): FakeChat { return { id: this.user.id, type: 'private' }; }

  /** The bot's messages in this chat, oldest first (as they are now, after edits). */
  messages(): StoredMessage[] {
    return this.tg.messagesTo(this.user.id);
  }

  /** Sends without waiting (a person typing several messages in a row). */
  send(text: string): void {
    this.sent++;
    this.tg.sendText(this.user, this.chat, text);
  }

  /**
   * Sends a text; the answer is the bot's next new message in this chat, or, when the bot answers
   * with several, the last of the new messages once `enough` of them have come.
   */
  async say(text: string, timeoutMs: number, enough: (fresh: StoredMessage[]) => boolean = (fresh) => fresh.length > 0): Promise<StoredMessage | null> {
    const before = this.messages().length;
    const at = Date.now();
    this.send(text);
    const answer = await waitUntil(() => {
      const fresh = this.messages().slice(before);
      return enough(fresh) && fresh.at(-1);
    }, timeoutMs);
    this.record(text, answer, at);
    return answer;
  }

  /**
   * Presses the button labelled `label` on the newest message offering it, once it is there (a
   * step's question may come a second after the previous answer: Telegram paces a chat); the answer
   * is the press acknowledged (answerCallbackQuery) and the bot's next message.
   */
  async press(label: string, timeoutMs: number): Promise<StoredMessage | null> {
    const offering = await waitUntil(() => this.messages().findLast((m) => buttons(m).some((b) => b.text === label)), timeoutMs);
    const data = offering && buttons(offering).find((b) => b.text === label)?.callback_data;
    if (!offering || !data) {
      this.unanswered.push(`press ${label} (no such button)`);
      return null;
    }
    const before = this.messages().length;
    const at = Date.now();
    this.sent++;
    const update = this.tg.clickButton(this.user, offering, data) as unknown as { callback_query: { id: string } };
    const queryId = update.callback_query.id;
    const answer = await waitUntil(() => {
      const acknowledged = this.tg.calls.some((c) => c.method === 'answerCallbackQuery' && !c.error && c.params.callback_query_id === queryId);
      return acknowledged && this.messages()[before];
    }, timeoutMs);
    this.record(`press ${label}`, answer, at);
    return answer;
  }

  private record(what: string, answer: StoredMessage | null, at: number): void {
    if (answer) this.answerMs.push(Date.now() - at);
    else this.unanswered.push(what);
  }
}

function buttons(message: StoredMessage): InlineButton[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat() as InlineButton[];
}

export const fakeUser = (id: number): FakeUser => ({ id, first_name: `Pegawai${id}` });
