import type { Db } from '../../db/createDb';
import type { Output } from './output';

// Failures that say nothing about the message itself: once the bot's token works again, they go.
const CREDENTIAL_ERRORS = ['token_revoked', 'invalid_auth', 'not_authed', 'account_inactive', 'token_expired'];

/**
 * `kirim-ulang <platform>`: messages that failed because the bot's token was revoked are queued
 * again (after the token is renewed). Other failures stay failed: they would fail again.
 */
export async function resendCommand(db: Db, platform: string, now: Date, out: Output): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { platform, status: 'FAILED', lastError: { in: CREDENTIAL_ERRORS } },
    data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, claimedUntil: null },
  });
  out.line(count === 0 ? `Tidak ada pesan ${platform} yang gagal karena token.` : `${count} pesan ${platform} dijadwalkan untuk dikirim ulang.`);
  return 0;
}
