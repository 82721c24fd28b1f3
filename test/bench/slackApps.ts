import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { LogLevel, WebClient } from '@slack/web-api';
import { createSlackApp } from '../../adapters/slack/createSlackApp';
import { FORM_CALLBACK_ID } from '../../adapters/slack/renderBlocks';
import { createSlackMessenger } from '../../adapters/slack/slackMessenger';
import { startSlack } from '../../adapters/slack/startSlack';
import type { Core } from '../../src/core/createCore';
import type { Db } from '../../src/db/createDb';
import { createLogger } from '../../src/logger';
import type { FakeSlack } from '../fakes/fakeSlack';
import { SILENT_LOG_STREAM } from './benchConfig';
import { createProductionCore } from './telegramBots';

export const SLACK_SIGNING_SECRET = 'rahasia-penandatanganan-bench';

export interface RunningSlackApp {
  endpoint: string;
  core?: Core;
  stop(): Promise<void>;
}

async function serve(app: App, receiver: HTTPReceiver, stopCore?: () => Promise<void>): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const logger = createLogger('info', SILENT_LOG_STREAM);
  const running = await startSlack(app, receiver, { port: 0, host: '127.0.0.1' }, logger);
  const server = running.server!;
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stop: async () => {
      server.closeAllConnections();
      await running.stop();
      await stopCore?.();
    },
  };
}

/**
 * The real bolt app as adapters/index.ts builds it (processBeforeResponse false, linking by email
 * on, auth.test at start), its messenger with real pacing, and the core with its outbox worker.
 */
export async function startTimkerjaSlack(fake: FakeSlack, db: Db): Promise<RunningSlackApp> {
  const client = new WebClient(fake.token, { slackApiUrl: fake.apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  const core = createProductionCore(db, [createSlackMessenger(client)]);
  const { app, receiver } = createSlackApp({
    token: fake.token, signingSecret: SLACK_SIGNING_SECRET, apiUrl: fake.apiUrl, core, logger: createLogger('info', SILENT_LOG_STREAM), linkByEmail: true,
  });
  return { ...(await serve(app, receiver as HTTPReceiver, () => core.stop())), core };
}

/** The ceiling: a bare bolt app on the same receiver and server that only acknowledges. */
export async function startBareSlack(fake: FakeSlack): Promise<RunningSlackApp> {
  const receiver = new HTTPReceiver({ signingSecret: SLACK_SIGNING_SECRET, processBeforeResponse: false, logLevel: LogLevel.ERROR });
  // startSlack initializes the app (auth.test) itself, as for the product's app.
  const app = new App({ token: fake.token, receiver, logLevel: LogLevel.ERROR, deferInitialization: true, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
  app.command('/timkerja', async ({ ack }) => { await ack(); });
  app.action({ type: 'block_actions' }, async ({ ack }) => { await ack(); });
  app.view(FORM_CALLBACK_ID, async ({ ack }) => { await ack(); });
  return serve(app, receiver);
}
