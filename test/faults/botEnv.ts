import type { FakeSlack } from '../fakes/fakeSlack';
import type { FakeTelegram } from '../fakes/fakeTelegram';

export const WEBHOOK_SECRET = 'rahasia-webhook-faults-0123456789';
export const SLACK_SIGNING_SECRET = 'rahasia-penandatanganan-faults';

export interface BotSetup {
  /** The SQLite file (prepared by the case, or empty: the demo organisation is then loaded). */
  file: string;
  tg: FakeTelegram;
  /** Webhook mode on this local port (the secret is WEBHOOK_SECRET); absent: long polling. */
  webhookPort?: number;
  /** Slack on this local port, against this fake Web API (signed with SLACK_SIGNING_SECRET). */
  slack?: { fake: FakeSlack; port: number };
  demo?: boolean;
  extra?: Record<string, string>;
}

/** The environment of the real bot against the fakes, on 127.0.0.1 only, sandbox off. */
export function botEnv(setup: BotSetup): Record<string, string> {
  return {
    DATABASE_PATH: setup.file,
    LOG_LEVEL: 'info',
    SANDBOX: 'off',
    DEMO_ORGANISATION: setup.demo ? 'on' : 'off',
    TELEGRAM_BOT_TOKEN: setup.tg.token,
    TELEGRAM_API_ROOT: setup.tg.apiRoot,
    TELEGRAM_BOT_USERNAME: 'timkerja_faults_bot',
    ...(setup.webhookPort
      ? {
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${setup.webhookPort}/telegram/webhook`,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        TELEGRAM_WEBHOOK_PORT: String(setup.webhookPort),
        TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
      }
      : {}),
    ...(setup.slack
      ? {
        SLACK_BOT_TOKEN: setup.slack.fake.token,
        SLACK_SIGNING_SECRET,
        SLACK_API_URL: setup.slack.fake.apiUrl,
        SLACK_PORT: String(setup.slack.port),
        SLACK_HOST: '127.0.0.1',
        SLACK_LINK_BY_EMAIL: 'off',
      }
      : {}),
    ...setup.extra,
  };
}
