import type { Db } from '../../src/db/createDb';
import type { FakeTelegram, StoredMessage } from '../fakes/fakeTelegram';
import type { Person } from './wrongPeopleOrganisation';

export interface CardButton {
  label: string;
  /** The callback_data: the opaque token a press sends back. */
  data: string;
  action: string;
}

export interface TokenRow {
  flowId: string;
  action: string;
  args: Record<string, string>;
}

export interface PressOutcome {
  eventKey: string;
  /** The answerCallbackQuery text the presser saw. */
  notice: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(find: () => Promise<T | undefined>, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what()} (waited ${timeoutMs} ms)`);
    await sleep(10);
  }
}

/**
 * People talking to the bot child process through the fake Bot API; a turn is over when the
 * database says so (the inbound event recorded, its outbox rows sent), not after a fixed sleep.
 */
export class ChatDriver {
  constructor(readonly tg: FakeTelegram, readonly db: Db) {}

  eventKey(updateId: number): string {
    return `telegram:${this.tg.botUser.id}:${updateId}`;
  }

  /** A message or command in the person's private chat; resolves with the bot's answers there. */
  async say(person: Person, text: string): Promise<StoredMessage[]> {
    const update = this.tg.sendText(person.tg, { id: person.tg.id, type: 'private' }, text);
    const eventKey = this.eventKey(update.update_id);
    await until(async () => ((await this.db.inboundEvent.findUnique({ where: { eventKey } })) ? true : undefined), 15_000, () => `turn ${eventKey} (${text.slice(0, 20)}) not recorded`);
    return this.delivered(eventKey, person);
  }

  /** Presses the button with this label among `messages` and waits for the answers to be delivered. */
  async pressLabel(person: Person, label: string | RegExp, messages: StoredMessage[]): Promise<StoredMessage[]> {
    for (const message of [...messages].reverse()) {
      const button = buttonsOf(message).find((b) => (typeof label === 'string' ? b.text === label : label.test(b.text)));
      if (!button) continue;
      const { eventKey } = await this.press(person, message, button.callback_data);
      return this.delivered(eventKey, person);
    }
    throw new Error(`${person.name}: no button ${String(label)} in [${messages.flatMap(buttonsOf).map((b) => b.text).join(', ')}]`);
  }

  /** One press with this callback_data on a message in the person's chat; resolves once it is answered. */
  async press(person: Person, message: StoredMessage, data: string): Promise<PressOutcome> {
    const update = this.tg.clickButton(person.tg, message, data) as unknown as { update_id: number; callback_query: { id: string } };
    const answer = await this.tg.waitForCall('answerCallbackQuery', (c) => c.params.callback_query_id === update.callback_query.id, 15_000);
    return { eventKey: this.eventKey(update.update_id), notice: String(answer.params.text ?? '') };
  }

  /** The newest bot message in the person's own chat: where a replayed callback_data is pressed. */
  lastMessage(person: Person): StoredMessage {
    const message = this.tg.messagesTo(person.tg.id).at(-1);
    if (!message) throw new Error(`${person.name} has no message from the bot to press on`);
    return message;
  }

  /** Waits until every outbox row of the turn has gone out; the messages it left in the person's chat. */
  async delivered(eventKey: string, person: Person): Promise<StoredMessage[]> {
    const rows = await until(async () => {
      if (await this.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `${eventKey}:error#` } } })) throw new Error(`turn ${eventKey} failed in the bot (umum.terjadiKesalahan)`);
      const found = await this.db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `${eventKey}#` } } });
      return found.length > 0 && found.every((row) => row.status !== 'PENDING') ? found : undefined;
    }, 60_000, () => `outbox of ${eventKey} not delivered`);
    const ids = new Set(rows.flatMap((row) => {
      const ref = row.sentRef ? (JSON.parse(row.sentRef) as { chatId?: string; messageId?: number }) : {};
      return String(ref.chatId) === String(person.tg.id) && ref.messageId ? [ref.messageId] : [];
    }));
    return this.tg.messagesTo(person.tg.id).filter((m) => ids.has(m.message_id));
  }

  /** The newest card in the person's chat whose every button is a token matching `match`. */
  async waitForCard(person: Person, match: (token: TokenRow) => boolean, timeoutMs = 60_000): Promise<{ message: StoredMessage; buttons: CardButton[] }> {
    return until(async () => {
      const cards = this.tg.messagesTo(person.tg.id).filter((m) => buttonsOf(m).length > 0).slice(-6).reverse();
      for (const message of cards) {
        const buttons = buttonsOf(message);
        const tokens = await this.db.buttonToken.findMany({ where: { id: { in: buttons.map((b) => b.callback_data) } } });
        const byId = new Map(tokens.map((row) => [row.id, { flowId: row.flowId, action: row.action, args: JSON.parse(row.args) as Record<string, string> }]));
        if (!buttons.every((b) => byId.has(b.callback_data) && match(byId.get(b.callback_data)!))) continue;
        return { message, buttons: buttons.map((b) => ({ label: b.text, data: b.callback_data, action: byId.get(b.callback_data)!.action })) };
      }
      return undefined;
    }, timeoutMs, () => `no matching card reached ${person.name}`);
  }
}

export function buttonsOf(message: StoredMessage): Array<{ text: string; callback_data: string }> {
  return (message.reply_markup?.inline_keyboard.flat() ?? []) as Array<{ text: string; callback_data: string }>;
}
