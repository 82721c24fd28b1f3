import type { ChatRef, FlowContext } from '../../engine/defineFlow';
import type { CoreMessage } from '../../messages';
import { Refused } from '../../errors';

/** Teams whose group chat the actor may link: the teams they lead, or every team for an admin. */
export async function teamsActorMayLink(ctx: FlowContext) {
  const isAdmin = await ctx.tx.roleHolder.findFirst({ where: { instansiId: ctx.actor.instansiId, pegawaiId: ctx.actor.id, role: 'ADMIN' } });
  return ctx.tx.timKerja.findMany({
    where: {
      instansiId: ctx.actor.instansiId,
      ...(isAdmin ? {} : { memberships: { some: { pegawaiId: ctx.actor.id, role: 'KETUA', status: 'ACTIVE' } } }),
    },
    orderBy: { name: 'asc' },
  });
}

/** Links a group chat to a team (one per platform); a later link moves it. Audited. */
export async function linkTeamChat(ctx: FlowContext, timId: string, chat: ChatRef) {
  const tim = (await teamsActorMayLink(ctx)).find((team) => team.id === timId);
  if (!tim) throw new Refused('TIM', 'grup.bukanWewenang');
  const data = { workspace: chat.workspace, chatId: chat.chatId, linkedById: ctx.actor.id, linkedAt: ctx.now };
  await ctx.tx.teamChat.upsert({ where: { timId_platform: { timId, platform: chat.platform } }, create: { timId, platform: chat.platform, ...data }, update: data });
  ctx.audit({ action: 'tim.hubungkanGrup', outcome: 'OK', subject: `tim:${timId}`, details: { platform: chat.platform } });
  return tim;
}

/** Posts to every chat linked to the team (its digest and announcements go there). */
export async function postToTeamChats(ctx: FlowContext, timId: string, message: CoreMessage): Promise<number> {
  const chats = await ctx.tx.teamChat.findMany({ where: { timId } });
  for (const chat of chats) ctx.sendToChat(chat, message);
  return chats.length;
}
