import { createCore, type Core } from '../../src/core/createCore';
import type { AnyFlow } from '../../src/core/engine/defineFlow';
import type { TurnResult } from '../../src/core/engine/handleEvent';
import type { OutboundMessage } from '../../src/core/messages';
import type { MessengerPort } from '../../src/core/ports';
import { issueLinkCode } from '../../src/core/auth/linkCodes';
import type { Db } from '../../src/db/createDb';
import { flows as productFlows } from '../../flows/index';
import { FakeMessenger } from '../fakes/fakeMessenger';
import { createCaptureLogger } from './captureLogger';
import { openTestDb } from './testDb';

export class MutableClock {
  constructor(private current = new Date('2026-11-23T02:00:00Z')) {}
  now(): Date { return new Date(this.current); }
  set(date: Date): void { this.current = new Date(date); }
  advance(ms: number): void { this.current = new Date(this.current.getTime() + ms); }
}

export interface TestUser {
  pegawaiId: string;
  accountId: string;
  chatId: string;
}

export const SETTINGS = { conversationTtlMs: 48 * 3600_000, linkCodeTtlMs: 7 * 24 * 3600_000 };
let eventSequence = 0;

/** The core on a real SQLite file with a FakeMessenger; every call handles one event and drains. */
export class TestBot {
  readonly messenger = new FakeMessenger('fake');
  readonly logger = createCaptureLogger();
  readonly core: Core;

  constructor(readonly db: Db, readonly file: string, readonly clock: MutableClock, readonly flows: AnyFlow[], messengers: MessengerPort[] = []) {
    this.core = createCore({ db, flows, clock, logger: this.logger, settings: SETTINGS, messengers: [this.messenger, ...messengers] });
  }

  static async start(options: { flows?: AnyFlow[]; file?: string; clock?: MutableClock; messengers?: MessengerPort[] } = {}): Promise<TestBot> {
    const { db, file } = await openTestDb(options.file);
    return new TestBot(db, file, options.clock ?? new MutableClock(), options.flows ?? productFlows, options.messengers);
  }

  /** A second core instance on the same file, as after a process restart. */
  async restart(): Promise<TestBot> {
    await this.stop();
    const next = await TestBot.start({ flows: this.flows, file: this.file, clock: this.clock });
    next.messenger.sent.push(...this.messenger.sent);
    return next;
  }

  async stop(): Promise<void> {
    await this.core.stop();
    await this.db.$disconnect();
  }

  account(accountId: string): TestUser {
    return { pegawaiId: '', accountId, chatId: `chat-${accountId}` };
  }

  /** Links a chat account to a pegawai through the real /start <kode> path. */
  async link(pegawaiId: string, accountId = `acc-${pegawaiId}`): Promise<TestUser> {
    const pegawai = await this.db.pegawai.findUniqueOrThrow({ where: { id: pegawaiId } });
    const code = await this.db.$transaction((tx) => issueLinkCode(tx, pegawaiId, pegawai.instansiId, new Date(this.clock.now().getTime() + 3600_000)));
    const user = { pegawaiId, accountId, chatId: `chat-${accountId}` };
    await this.as(user).command('start', code);
    return user;
  }

  as(user: TestUser) {
    const send = async (body: Record<string, unknown>): Promise<TurnResult> => {
      const meta = { eventKey: `test-${process.pid}-${++eventSequence}`, account: { platform: 'fake', workspace: '', accountId: user.accountId, chatId: user.chatId } };
      const result = await this.core.handleEvent({ ...body, meta });
      await this.core.drainOutbox();
      return result;
    };
    return {
      command: (command: string, args = '') => send({ kind: 'command', command, args }),
      say: (text: string) => send({ kind: 'text', text }),
      sendFile: (fileId: string, fileName?: string, mimeType?: string) => send({ kind: 'file', fileId, fileName, mimeType }),
      pressToken: (token: string) => send({ kind: 'button', token }),
      /** Presses the button with this label on the newest message to `owner` (default: this user) that has it. */
      press: (buttonLabel: string | RegExp, owner: TestUser = user) => send({ kind: 'button', token: this.findButton(owner, buttonLabel) }),
    };
  }

  findButton(owner: TestUser, buttonLabel: string | RegExp): string {
    const messages = this.messenger.visibleTo(owner.chatId).reverse();
    for (const message of messages) {
      if (message.kind !== 'choice') continue;
      const button = message.rows.flat().find((b) => (typeof buttonLabel === 'string' ? b.label === buttonLabel : buttonLabel.test(b.label)));
      if (button) return button.token;
    }
    throw new Error(`no button ${String(buttonLabel)} in the chat of ${owner.accountId}`);
  }

  inbox(user: TestUser): Array<OutboundMessage & { messageId: number }> {
    return this.messenger.visibleTo(user.chatId);
  }

  lastText(user: TestUser): string {
    const last = this.inbox(user).at(-1);
    if (!last) return '';
    return messageText(last);
  }
}

/** What a person sees of a message: its text, or a file's caption or name. */
export function messageText(message: OutboundMessage): string {
  if (message.kind === 'document') return message.caption ?? message.fileName;
  if (message.kind === 'attachment') return message.caption ?? message.fileName ?? message.fileId;
  if (message.kind === 'home') return [message.title, ...message.sections.flatMap((s) => [s.heading, ...(s.lines.length ? s.lines : [s.empty])])].join('\n');
  return message.text;
}
