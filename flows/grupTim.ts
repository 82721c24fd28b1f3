// Links a team's group chat (issue: Telegram groups, Slack channels), so the team's digest and
// announcements can be posted there. Run in the group; only the ketua tim or an admin may link.
import { z } from 'zod';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { linkTeamChat, teamsActorMayLink } from '../src/core/domain/tim/teamChats';

const StateSchema = z.discriminatedUnion('step', [z.object({ step: z.literal('CHOOSE_TEAM') })]);
type State = z.infer<typeof StateSchema>;

export const grupTim = defineFlow<State>({
  id: 'grup-tim',
  version: 1,
  command: 'hubungkangrup',
  inGroups: true,
  descriptionKey: 'grup.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsActorMayLink(ctx)).length > 0,
  async start(ctx) {
    if (ctx.chat.direct) {
      ctx.reply(text('grup.hanyaDiGrup'));
      return { end: true };
    }
    const teams = await teamsActorMayLink(ctx);
    const rows = teams.map((tim) => [{ label: label('grup.tombolTim', { nama: tim.name }), action: 'pilih', args: { timId: tim.id } }]);
    ctx.reply(choice('grup.pilihTim', [...rows, [{ label: label('umum.batal'), action: 'batal' }]]));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        if (press.action !== 'pilih' || !press.args.timId) {
          ctx.reply(text('percakapan.dibatalkan'));
          return { end: true };
        }
        const tim = await linkTeamChat(ctx, press.args.timId, ctx.chat.ref);
        ctx.reply(text('grup.terhubung', { tim: tim.name }));
        return { end: true };
      },
    },
  },
});
