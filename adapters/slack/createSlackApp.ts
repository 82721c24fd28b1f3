import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Core } from '../../src/core/createCore';
import type { CoreEvent } from '../../src/core/events';
import type { Logger } from '../../src/core/ports';
import { t } from '../../src/core/catalog/t';
import { wellFormed } from '../wellFormed';
import { createEmailLookup } from './emailLookup';
import { FORM_CALLBACK_ID, renderModal } from './renderBlocks';
import { actionToEvent, homeOpenedToEvent, messageToEvents, slashToEvent, viewToEvent } from './toCoreEvent';

export interface SlackAppOptions {
  token: string;
  signingSecret: string;
  /** Web API base URL: GovSlack, an Enterprise proxy, or a test fake (default Slack's own). */
  apiUrl?: string;
  /** An app-level token (xapp-…) switches to Socket Mode: no public HTTP endpoint needed. */
  appToken?: string;
  core: Core;
  logger: Logger;
  /** Skip auth.test when the bot's ids are known (tests; also saves a call at start). */
  botId?: string;
  botUserId?: string;
  /** Hold the HTTP answer until the handler is done (tests); Slack's 3 s then include our work. */
  processBeforeResponse?: boolean;
  /** Linking by the Slack profile email (issue 5 item 4); an instansi may still turn it off in its settings. */
  linkByEmail?: boolean;
}

// A view_submission must be answered with its errors, so its ack waits for the core, but never
// past Slack's 3 s: after this the modal closes and the user continues in the chat.
const VIEW_DEADLINE_MS = 2500;
const API_TIMEOUT_MS = 2000;

/** The bolt app: every request is acknowledged first, then turned into one core event. */
export function createSlackApp(options: SlackAppOptions): { app: App; receiver: HTTPReceiver | SocketModeReceiver } {
  const logger = boltLogger(options.logger);
  const receiver = options.appToken
    ? new SocketModeReceiver({ appToken: options.appToken, logger })
    : new HTTPReceiver({ signingSecret: options.signingSecret, processBeforeResponse: options.processBeforeResponse ?? false, logger });
  const app = new App({
    token: options.token, receiver, logger,
    ...(options.botId && options.botUserId ? { botId: options.botId, botUserId: options.botUserId, tokenVerificationEnabled: false } : {}),
    // bolt would call auth.test in this constructor and leave its rejection unhandled (a slow or
    // unreachable Web API at start ended the process): startSlack awaits `app.init()` instead.
    deferInitialization: true,
    // Handlers only open modals (trigger ids live 3 s): never wait out a retry here.
    clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: API_TIMEOUT_MS },
  });
  const client = app.client as unknown as WebClient;
  const lookupEmail = options.linkByEmail === false ? async () => undefined : createEmailLookup(client, options.logger);

  async function handle(skippable: CoreEvent | null, triggerId?: string) {
    if (!skippable) {
      options.logger.debug({ code: 'UPDATE_SKIPPED', platform: 'slack' }, 'slack request skipped');
      return null;
    }
    const event = wellFormed(skippable);
    const account = event.meta.account;
    // Only an account not linked yet may be linked by its email: linked ones skip the lookup.
    const email = account.direct && !(await options.core.isLinked(account)) ? await lookupEmail(account.accountId) : undefined;
    const result = await options.core.handleEvent(email ? { ...event, meta: { ...event.meta, account: { ...account, email } } } : event);
    if (result.form && triggerId) {
      await client.views.open({ trigger_id: triggerId, view: renderModal(result.form) as never }).catch((error: unknown) => {
        // The questions were also asked in the chat: the user can answer there.
        options.logger.warn({ code: (error as { data?: { error?: string } }).data?.error ?? (error as Error).name }, 'slack modal not opened');
      });
    }
    return result;
  }

  app.command('/timkerja', async ({ ack, body }) => {
    await ack();
    await handle(slashToEvent(body), body.trigger_id);
  });
  app.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await ack();
    await handle(actionToEvent(body), (body as { trigger_id?: string }).trigger_id);
  });
  app.view(FORM_CALLBACK_ID, async ({ ack, body }) => {
    const work = handle(viewToEvent(body));
    const late = Symbol('late');
    const result = await Promise.race([work, new Promise<typeof late>((resolve) => setTimeout(() => resolve(late), VIEW_DEADLINE_MS).unref())]);
    if (result !== late) {
      await ack(result?.fieldErrors ? { response_action: 'errors', errors: result.fieldErrors } : undefined);
      return;
    }
    // Slack closes the modal at 3 s: errors found after that go to the chat, so nothing is lost silently.
    await ack();
    const finished = await work;
    if (finished?.fieldErrors) {
      const galat = Object.values(finished.fieldErrors).map((error) => `- ${error}`).join('\n');
      await client.chat.postMessage({ channel: body.user.id, text: t('id', 'formulir.galatTerlambat', { galat }) })
        .catch((error: unknown) => options.logger.warn({ code: (error as Error).name }, 'slack late form errors not sent'));
    }
  });
  app.event('message', async ({ event, body }) => {
    for (const coreEvent of messageToEvents(event, body.event_id, body.team_id)) await handle(coreEvent);
  });
  app.event('app_home_opened', async ({ event, body }) => {
    await handle(homeOpenedToEvent(event, body.event_id, body.team_id));
  });
  // The one error boundary: a code, never the payload (it holds messages).
  app.error(async (error) => {
    options.logger.error({ code: (error as { code?: string }).code ?? error.name, platform: 'slack' }, 'slack request failed');
  });
  return { app, receiver };
}

// bolt's own log lines go to our logger; its debug output (which can echo payloads) is dropped.
// Its other lines may quote the request body (JSON.parse errors: `Unexpected token 'x', "…" is
// not valid JSON`): everything from the first quote on is cut.
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) => parts.map((part) => (typeof part === 'string' ? part : (part as Error)?.message ?? typeof part)).join(' ').split(/["'`]/)[0]!.trim();
  return {
    debug: () => undefined,
    info: (...parts) => logger.info({ source: 'bolt' }, line(parts)),
    warn: (...parts) => logger.warn({ source: 'bolt' }, line(parts)),
    error: (...parts) => logger.error({ source: 'bolt' }, line(parts)),
    setLevel: (next) => { level = next; },
    getLevel: () => level,
    setName: () => undefined,
  };
}
