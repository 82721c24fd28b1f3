// Issue 7 item 9: a ketua tim or the owner unit's head exports a team's reports as a document.
import { z } from 'zod';
import { teamRows } from '../src/core/domain/tim/teamRows';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label } from '../src/core/messages';
import { exportableTeams, exportTeamReports, rangeButtons } from '../src/core/domain/ekspor/chatExport';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('CHOOSE_RANGE') }),
  z.object({ step: z.literal('CHOOSE_FORMAT'), timId: z.string(), rentang: z.enum(['BULAN_INI', 'BULAN_LALU', 'TAHUN_INI']) }),
]);
type State = z.infer<typeof StateSchema>;

export const ekspor = defineFlow<State>({
  id: 'ekspor',
  version: 1,
  command: 'ekspor',
  descriptionKey: 'ekspor.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await exportableTeams(ctx)).length > 0,
  async start(ctx) {
    const teams = await exportableTeams(ctx);
    ctx.reply(choice('ekspor.pilihTim', teamRows(teams)));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        ctx.reply(choice('ekspor.pilihRentang', rangeButtons(press.args.timId ?? '')));
        return { next: { step: 'CHOOSE_RANGE' } };
      },
    },
    CHOOSE_RANGE: {
      async button(ctx, _state, press) {
        ctx.reply(choice('ekspor.pilihFormat', [[{ label: label('ekspor.xlsx'), action: 'xlsx' }, { label: label('ekspor.csv'), action: 'csv' }]]));
        return { next: { step: 'CHOOSE_FORMAT', timId: press.args.timId ?? '', rentang: (press.args.rentang ?? 'BULAN_INI') as 'BULAN_INI' } };
      },
    },
    CHOOSE_FORMAT: {
      async button(ctx, state, press) {
        await exportTeamReports(ctx, state.timId, state.rentang, press.action === 'csv' ? 'csv' : 'xlsx');
        return { end: true };
      },
    },
  },
});
