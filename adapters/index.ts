import type { Config } from '../src/config';
import type { Core } from '../src/core/createCore';
import type { Logger, MessengerPort } from '../src/core/ports';

export interface Adapters {
  /** Senders the core's outbox drains into, one per connected platform. */
  messengers: MessengerPort[];
  names: string[];
  /** Starts receiving updates (polling, webhook or HTTP) and feeding them to the core. */
  start(core: Core): Promise<void>;
  stop(): Promise<void>;
}

/** The only entry src/main.ts imports from adapters/: one adapter per platform whose credentials are set. */
export function createAdapters(config: Config, logger: Logger): Adapters {
  const requested = [
    ...(config.TELEGRAM_BOT_TOKEN ? ['telegram'] : []),
    ...(config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET ? ['slack'] : []),
  ];
  for (const name of requested) {
    // The Telegram (telegraf) and Slack (bolt) adapters land with their own issues.
    logger.warn({ adapter: name, code: 'ADAPTER_NOT_AVAILABLE' }, 'platform adapter not available in this version');
  }
  return { messengers: [], names: [], start: async () => {}, stop: async () => {} };
}
