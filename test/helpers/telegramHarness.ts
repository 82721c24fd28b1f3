import { Telegram, type Telegraf } from 'telegraf';
import { createTelegramBot } from '../../adapters/telegram/createTelegramBot';
import { createTelegramMessenger, type TelegramPacing } from '../../adapters/telegram/telegramMessenger';
import { issueLinkCode } from '../../src/core/auth/linkCodes';
import { FakeTelegram, type FakeChat, type FakeUser } from '../fakes/fakeTelegram';
import { TestBot } from './botHarness';

const NO_PACING: TelegramPacing = { privateChatIntervalMs: 0, groupChatIntervalMs: 0 };

/**
 * The real telegraf bot and Telegram messenger on a FakeTelegram Bot API server, in front of the
 * core on a real SQLite file. `send` hands an update to telegraf and drains the outbox through
 * the Bot API, so every assertion reads what the fake server received.
 */
export class TelegramHarness {
  telegraf!: Telegraf;

  private constructor(readonly tg: FakeTelegram, public bot: TestBot, private pacing: TelegramPacing) {}

  static async start(options: { pacing?: TelegramPacing; file?: string; tg?: FakeTelegram } = {}): Promise<TelegramHarness> {
    const tg = options.tg ?? new FakeTelegram();
    if (!options.tg) await tg.start();
    const pacing = options.pacing ?? NO_PACING;
    const messenger = createTelegramMessenger(new Telegram(tg.token, { apiRoot: tg.apiRoot, webhookReply: false }), pacing);
    const bot = await TestBot.start({ messengers: [messenger], file: options.file });
    const harness = new TelegramHarness(tg, bot, pacing);
    harness.telegraf = createTelegramBot({ token: tg.token, apiRoot: tg.apiRoot, core: bot.core, logger: bot.logger });
    harness.telegraf.botInfo = tg.botUser as Telegraf['botInfo'];
    return harness;
  }

  /** A new process on the same database file and the same Telegram server. */
  async restart(): Promise<TelegramHarness> {
    await this.bot.stop();
    return TelegramHarness.start({ pacing: this.pacing, file: this.bot.file, tg: this.tg });
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.tg.stop();
  }

  async send(update: object): Promise<void> {
    await this.telegraf.handleUpdate(update as Parameters<Telegraf['handleUpdate']>[0]);
    await this.bot.core.drainOutbox();
  }

  /** Links a Telegram user to a pegawai through the real deep link `/start <kode>`. */
  async link(user: FakeUser, nip: string): Promise<void> {
    const pegawai = await this.bot.db.pegawai.findFirstOrThrow({ where: { nip } });
    const code = await this.bot.db.$transaction((tx) => issueLinkCode(tx, pegawai.id, pegawai.instansiId, new Date(this.bot.clock.now().getTime() + 3600_000)));
    await this.send(this.tg.sendText(user, dm(user), `/start ${code}`));
  }

  lastText(user: FakeUser): string {
    return this.tg.messagesTo(user.id).at(-1)?.text ?? '';
  }

  /** Presses the inline button with this label on the newest bot message in the user's chat that has it. */
  async press(user: FakeUser, buttonLabel: string | RegExp, chat: FakeChat = dm(user)): Promise<void> {
    const messages = this.tg.messagesTo(chat.id).slice().reverse();
    for (const message of messages) {
      const button = (message.reply_markup?.inline_keyboard.flat() as Array<{ text: string; callback_data: string }> | undefined)
        ?.find((b) => (typeof buttonLabel === 'string' ? b.text === buttonLabel : buttonLabel.test(b.text)));
      if (button) return this.send(this.tg.clickButton(user, message, button.callback_data));
    }
    throw new Error(`no button ${String(buttonLabel)} in chat ${chat.id}`);
  }
}

export const dm = (user: FakeUser): FakeChat => ({ id: user.id, type: 'private' });
export const tgUser = (id: number, firstName: string): FakeUser => ({ id, first_name: firstName, username: firstName.toLowerCase() });
