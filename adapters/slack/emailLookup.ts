import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/core/ports';

const TTL_MS = 60 * 60 * 1000;

/**
 * The Slack profile email of a user (Slack verifies it), for linking by email. Cached for an hour
 * per user: users.info is a Tier 4 method and each event would otherwise ask again.
 */
export function createEmailLookup(client: WebClient, logger: Logger) {
  const cache = new Map<string, { email: string | null; at: number }>();
  return async (userId: string): Promise<string | undefined> => {
    const cached = cache.get(userId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.email ?? undefined;
    let email: string | null = null;
    try {
      const info = await client.apiCall('users.info', { user: userId }) as { user?: { profile?: { email?: string } } };
      email = info.user?.profile?.email ?? null;
    } catch (error) {
      // Without the users:read.email scope linking falls back to codes; nothing else is affected.
      logger.warn({ code: (error as { data?: { error?: string } }).data?.error ?? (error as Error).name }, 'slack email lookup failed');
    }
    cache.set(userId, { email, at: Date.now() });
    return email ?? undefined;
  };
}
