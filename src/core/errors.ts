import type { CatalogKey, Params } from './catalog/t';

/** Base of every error timkerja raises on purpose; branch on `code`, never on `message`. */
export class TimkerjaError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An action the actor may not take: answered from the catalogue and audited (domain-spec C7). */
export class Refused extends TimkerjaError {
  constructor(
    readonly rule: string,
    readonly catalogKey: CatalogKey,
    readonly params: Params = {},
  ) {
    super('REFUSED', `refused by ${rule}`);
  }
}

export class PlatformRateLimited extends TimkerjaError {
  constructor(readonly retryAfterMs: number) {
    super('PLATFORM_RATE_LIMITED', `rate limited for ${retryAfterMs} ms`);
  }
}

/**
 * The platform refused for good (chat not found, token revoked): retrying will not help.
 * `recipientUnreachable` says the cause is the recipient (blocked bot, deleted account), not us.
 */
export class PlatformRejected extends TimkerjaError {
  /** `credentialsRejected`: the bot's own token no longer works; nothing on this platform will go out. */
  constructor(readonly platformCode: string, readonly recipientUnreachable = false, readonly credentialsRejected = false) {
    super('PLATFORM_REJECTED', `platform rejected: ${platformCode}`);
  }
}
