import { PlatformRateLimited, PlatformRejected } from '../../src/core/errors';

// The recipient or channel is gone or closed to the bot: retrying will not help, tell the admin.
const UNREACHABLE = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'messages_tab_disabled',
]);
// The bot's own credentials no longer work: nothing on this platform can be sent until renewed.
const CREDENTIALS = new Set(['token_revoked', 'invalid_auth', 'not_authed', 'account_inactive', 'token_expired']);
// The request itself was refused; sending it again would be refused again.
// (A missing scope is a setup error of one method, e.g. files:write; the token itself still works.)
const REQUEST = new Set([
  'invalid_blocks', 'invalid_arguments', 'msg_too_long', 'no_text', 'message_not_found', 'cant_update_message', 'view_too_large',
  'missing_scope', 'no_permission',
]);

/**
 * A Web API failure as the outbox understands it: 429 → retry after the given time; a permanent
 * refusal → PlatformRejected; anything else (network, 5xx) is returned unchanged and retried.
 */
export function toPlatformError(error: unknown): unknown {
  const { code, retryAfter, data } = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (code === 'slack_webapi_rate_limited_error') return new PlatformRateLimited(Math.max(1, retryAfter ?? 1) * 1000);
  if (code !== 'slack_webapi_platform_error' || !data?.error) return error;
  if (UNREACHABLE.has(data.error)) return new PlatformRejected(data.error, true);
  if (CREDENTIALS.has(data.error)) return new PlatformRejected(data.error, false, true);
  if (REQUEST.has(data.error)) return new PlatformRejected(data.error);
  return error;
}
