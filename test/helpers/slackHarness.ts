import type { AddressInfo } from 'node:net';
import { WebClient, LogLevel } from '@slack/web-api';
import { createSlackApp } from '../../adapters/slack/createSlackApp';
import { createSlackMessenger } from '../../adapters/slack/slackMessenger';
import { startSlack, type RunningSlack } from '../../adapters/slack/startSlack';
import { issueLinkCode } from '../../src/core/auth/linkCodes';
import { FakeSlack, type SlackMessage } from '../fakes/fakeSlack';
import { SlackUser } from '../fakes/slackUser';
import { TestBot } from './botHarness';

export const SIGNING_SECRET = 'rahasia-penandatanganan-uji';

type Button = { type: string; action_id: string; value?: string; text: { text: string } };

/**
 * The real bolt app and Slack messenger on a FakeSlack Web API, in front of the core on a real
 * SQLite file. `send` posts a signed request to bolt's HTTP endpoint and drains the outbox through
 * the Web API, so every assertion reads what the fake received.
 */
export class SlackHarness {
  private constructor(readonly fake: FakeSlack, public bot: TestBot, readonly endpoint: string, private running: RunningSlack) {}

  static async start(options: { file?: string; fake?: FakeSlack; linkByEmail?: boolean; processBeforeResponse?: boolean } = {}): Promise<SlackHarness> {
    const fake = options.fake ?? new FakeSlack();
    if (!options.fake) await fake.start();
    const client = new WebClient(fake.token, { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    const bot = await TestBot.start({ messengers: [createSlackMessenger(client, 0)], file: options.file });
    const { app, receiver } = createSlackApp({
      token: fake.token, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, core: bot.core, logger: bot.logger,
      botId: fake.botId, botUserId: fake.botUserId, processBeforeResponse: options.processBeforeResponse ?? true, linkByEmail: options.linkByEmail,
    });
    const running = await startSlack(app, receiver, { port: 0, host: '127.0.0.1' }, bot.logger);
    const port = (running.server!.address() as AddressInfo).port;
    return new SlackHarness(fake, bot, `http://127.0.0.1:${port}/slack/events`, running);
  }

  /** A new process on the same database file and the same Slack workspace. */
  async restart(): Promise<SlackHarness> {
    await this.stopKeepingFake();
    return SlackHarness.start({ file: this.bot.file, fake: this.fake });
  }

  async stop(): Promise<void> {
    await this.stopKeepingFake();
    await this.fake.stop();
  }

  /** Stops this process but leaves the Slack fake to whoever else uses it. */
  async stopKeepingFake(): Promise<void> {
    await this.running.stop();
    await this.bot.stop();
  }

  user(id: string, name: string, email?: string): SlackUser {
    const user = this.fake.addUser({ id, name, ...(email ? { email } : {}) });
    return new SlackUser({ endpoint: this.endpoint, signingSecret: SIGNING_SECRET, fake: this.fake, user });
  }

  /** Runs one request against bolt, then delivers whatever the core queued. */
  async send<T>(request: Promise<T>): Promise<T> {
    const response = await request;
    // A failed send may queue a notice to the admin: deliver that too.
    for (let pass = 0; pass < 3; pass++) {
      const drained = await this.bot.core.drainOutbox();
      if (drained.failed === 0) break;
    }
    return response;
  }

  /** Links through the real `/timkerja hubungkan <kode>`. */
  async link(user: SlackUser, nip: string): Promise<void> {
    const pegawai = await this.bot.db.pegawai.findFirstOrThrow({ where: { nip } });
    const code = await this.bot.db.$transaction((tx) => issueLinkCode(tx, pegawai.id, pegawai.instansiId, new Date(this.bot.clock.now().getTime() + 3600_000)));
    await this.send(user.slash(`hubungkan ${code}`));
  }

  messages(user: SlackUser): SlackMessage[] {
    return this.fake.messagesIn(user.dmChannel);
  }

  lastText(user: SlackUser): string {
    return this.messages(user).at(-1)?.text ?? '';
  }

  /** The newest message in the user's DM with a button of this label, and that button. */
  findButton(user: SlackUser, buttonLabel: string | RegExp, channel = user.dmChannel): { message: SlackMessage; button: Button } {
    for (const message of this.fake.messagesIn(channel).slice().reverse()) {
      const buttons = (message.blocks ?? []).flatMap((block) => (block.type === 'actions' ? block.elements as Button[] : []));
      const button = buttons.find((b) => (typeof buttonLabel === 'string' ? b.text.text === buttonLabel : buttonLabel.test(b.text.text)));
      if (button) return { message, button };
    }
    throw new Error(`no button ${String(buttonLabel)} in ${channel}`);
  }

  async press(user: SlackUser, buttonLabel: string | RegExp, channel = user.dmChannel) {
    const { message, button } = this.findButton(user, buttonLabel, channel);
    return this.send(user.click(message, button.action_id));
  }
}
