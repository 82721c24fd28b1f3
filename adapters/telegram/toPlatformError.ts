import { TelegramError } from 'telegraf';
import { PlatformRateLimited, PlatformRejected } from '../../src/core/errors';

/**
 * Maps a Bot API failure to what the outbox does with it: 429 waits `retry_after`; a blocked bot,
 * a missing chat or a revoked token is final; anything else (5xx, network) is retried with backoff.
 */
export function toPlatformError(error: unknown): unknown {
  if (!(error instanceof TelegramError)) return error;
  const description = error.description.toLowerCase();
  if (error.code === 429) return new PlatformRateLimited((error.parameters?.retry_after ?? 1) * 1000);
  if (error.code === 403 && description.includes('blocked')) return new PlatformRejected('bot_blocked', true);
  if (error.code === 403 && description.includes('deactivated')) return new PlatformRejected('user_deactivated', true);
  if (error.code === 400 && description.includes('chat not found')) return new PlatformRejected('chat_not_found', true);
  if (error.code === 401) return new PlatformRejected('token_revoked', false, true);
  if (error.code === 400 || error.code === 403) return new PlatformRejected(`bad_request_${error.code}`, false);
  return error;
}

export function isNotModified(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && error.description.includes('message is not modified');
}
