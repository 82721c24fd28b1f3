import type { Platform } from './events';
import type { OutboundMessage } from './messages';

/** A chat address on one platform: a DM or a group/channel. */
export interface Address {
  workspace: string;
  chatId: string;
}

/** The platform's reference to a sent message, kept so the message can be edited later. */
export type SentRef = Record<string, string | number>;

/** Sends rendered core messages to one platform. Implemented in adapters/<platform>/. */
export interface MessengerPort {
  readonly platform: Platform;
  /** Sends per second this platform tolerates for one bot (drainOutbox spaces sends accordingly). */
  readonly sendsPerSecond: number;
  /** Minimum gap between two sends to one chat (Telegram: 1 s in a private chat, 3 s in a group). */
  chatIntervalMs?(to: Address): number;
  /** The platform shows each user a home view the bot draws (Slack App Home): the core keeps it current. */
  readonly drawsHome?: boolean;
  /** Throws PlatformRateLimited (retry later) or PlatformRejected (give up); other errors are retried. */
  send(to: Address, message: OutboundMessage, idempotencyKey: string): Promise<SentRef>;
  edit(target: SentRef, to: Address, message: OutboundMessage): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
