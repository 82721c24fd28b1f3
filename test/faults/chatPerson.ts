import type { FakeChat, FakeUser } from '../fakes/fakeTelegram';
import type { FaultTelegram } from './faultTelegram';

type Button = { text: string; callback_data?: string };

/**
 * A person in a private Telegram chat with the bot, acting only on what the Bot API shows them:
 * they send a turn, wait for an answer, and press buttons they can see.
 */
export class ChatPerson {
  readonly chat: FakeChat;
  private readonly pressed = new Set<string>();

  constructor(readonly user: FakeUser, private readonly tg: FaultTelegram) {
    this.chat = { id: user.id, type: 'private' };
  }

  /** Sends a text and waits for the bot's answer (across restarts); false when none came in time. */
  async say(text: string, timeoutMs: number): Promise<boolean> {
    const seen = this.tg.answersTo(this.chat.id);
    this.tg.sendText(this.user, this.chat, text);
    return this.tg.waitForAnswer(this.chat.id, seen, timeoutMs);
  }

  /** Waits for a button whose label starts with `label` on the newest message offering one, presses it, waits for the answer. */
  async press(label: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let found: { messageId: number; data: string } | undefined;
    await this.tg.waitUntil(() => (found = this.newestButton(label)) !== undefined, timeoutMs);
    if (!found) return false;
    const seen = this.tg.answersTo(this.chat.id);
    this.tg.clickButton(this.user, { chat: { id: this.chat.id }, message_id: found.messageId }, found.data);
    return this.tg.waitForAnswer(this.chat.id, seen, Math.max(1000, deadline - Date.now()));
  }

  /** Waits for the newest message with buttons and presses its first button, waits for the answer. */
  async pressFirst(timeoutMs: number): Promise<boolean> {
    return this.press('', timeoutMs);
  }

  /** Presses every not yet pressed button labelled `label` that has appeared; returns how many. */
  pressEachNew(label: string): number {
    let count = 0;
    for (const message of this.tg.messagesTo(this.chat.id)) {
      for (const button of buttonsOf(message.reply_markup)) {
        const key = `${message.message_id}:${button.callback_data}`;
        if (!button.text.startsWith(label) || !button.callback_data || this.pressed.has(key)) continue;
        this.pressed.add(key);
        this.tg.clickButton(this.user, { chat: { id: this.chat.id }, message_id: message.message_id }, button.callback_data);
        count++;
      }
    }
    return count;
  }

  private newestButton(label: string): { messageId: number; data: string } | undefined {
    for (const message of [...this.tg.messagesTo(this.chat.id)].reverse()) {
      const button = buttonsOf(message.reply_markup).find((b) => b.text.startsWith(label) && b.callback_data);
      if (button) return { messageId: message.message_id, data: button.callback_data! };
    }
    return undefined;
  }
}

const buttonsOf = (markup: { inline_keyboard: unknown[][] } | undefined): Button[] => (markup?.inline_keyboard.flat() ?? []) as Button[];
