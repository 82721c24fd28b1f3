import { issueLinkCode } from '../../src/core/auth/linkCodes';
import { createDb } from '../../src/db/createDb';
import type { FakeUser } from '../fakes/fakeTelegram';
import type { BenchMember } from './benchOrganisation';
import { closedLoop, JsonPoster } from './httpLoad';
import { benchUser, privateChat, startFakeTelegram, startTimkerjaWebhook, WEBHOOK_HEADERS } from './telegramBots';

/**
 * Links each member to a Telegram user through the real path: an admin link code, then
 * `/start <kode>` through the webhook. The welcome messages are marked sent, so each run that
 * copies this database starts with an empty outbox.
 */
export async function linkTelegramByCodes(templateFile: string, members: BenchMember[], firstUserId: number): Promise<FakeUser[]> {
  const db = await createDb(templateFile);
  const tg = await startFakeTelegram();
  const bot = await startTimkerjaWebhook(tg, db);
  const poster = new JsonPoster(bot.url, WEBHOOK_HEADERS);
  const users = members.map((_, index) => benchUser(firstUserId + index));
  const expiresAt = new Date(Date.now() + 3600_000);
  let nextIndex = 0;
  const failures: number[] = [];
  try {
    await closedLoop(10, () => {
      const index = nextIndex++;
      if (index >= members.length) return null;
      return async () => {
        const member = members[index]!;
        const user = users[index]!;
        const code = await db.$transaction((tx) => issueLinkCode(tx, member.pegawaiId, member.instansiId, expiresAt));
        const status = await poster.post(JSON.stringify(tg.sendText(user, privateChat(user), `/start ${code}`)));
        if (status !== 200) failures.push(status);
      };
    });
    const linked = await db.platformIdentity.count({ where: { platform: 'telegram' } });
    if (linked !== members.length || failures.length > 0) throw new Error(`linking failed: ${linked}/${members.length} linked, statuses ${failures.slice(0, 5).join(',')}`);
  } finally {
    poster.close();
    await bot.stop();
    await db.outboxMessage.updateMany({ where: { status: 'PENDING' }, data: { status: 'SENT' } });
    await tg.stop();
    await db.$disconnect();
  }
  return users;
}
