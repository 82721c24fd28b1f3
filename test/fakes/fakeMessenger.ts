import type { Platform } from '../../src/core/events';
import type { OutboundMessage } from '../../src/core/messages';
import type { Address, MessengerPort, SentRef } from '../../src/core/ports';

export interface FakeSent {
  messageId: number;
  chatId: string;
  message: OutboundMessage;
  idempotencyKey: string;
  edits: OutboundMessage[];
}

/** A MessengerPort that records what it is asked to send, with failure injection. */
export class FakeMessenger implements MessengerPort {
  readonly sendsPerSecond = 10_000;
  readonly sent: FakeSent[] = [];
  private failures: Error[] = [];
  private nextId = 1;

  constructor(readonly platform: Platform = 'fake') {}

  failNext(error: Error): void {
    this.failures.push(error);
  }

  async send(to: Address, message: OutboundMessage, idempotencyKey: string): Promise<SentRef> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const record = { messageId: this.nextId++, chatId: to.chatId, message, idempotencyKey, edits: [] };
    this.sent.push(record);
    return { messageId: record.messageId };
  }

  async edit(target: SentRef, _to: Address, message: OutboundMessage): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    const record = this.sent.find((s) => s.messageId === target.messageId);
    if (!record) throw new Error('message to edit not found');
    record.edits.push(message);
  }

  /** The latest visible text of each message sent to a chat, edits applied. */
  visibleTo(chatId: string): Array<OutboundMessage & { messageId: number }> {
    return this.sent
      .filter((s) => s.chatId === chatId)
      .map((s) => ({ ...(s.edits.at(-1) ?? s.message), messageId: s.messageId }));
  }
}
