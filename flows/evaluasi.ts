// WF-9 (domain-spec §3.9, Appendix B): the ketua tim submits a result; reviewers forward or
// return it up the chain of the owner unit's type; only the final acceptor declares it complete.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { acceptResult, EVALUATION_FLOW_ID, forwardResult, requireReviewer, returnResult, submitResult } from '../src/core/domain/evaluasi/evaluation';
import { teamsLedBy } from '../src/core/domain/tim/teamsLedBy';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_RESULT'), timId: z.string() }),
  z.object({ step: z.literal('ASK_RETURN_NOTE'), evaluasiId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_TEXT = 10;

export const evaluasi = defineFlow<State>({
  id: EVALUATION_FLOW_ID,
  version: 1,
  command: 'hasil',
  descriptionKey: 'evaluasi.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsLedBy(ctx)).length > 0,
  async start(ctx) {
    const teams = await teamsLedBy(ctx);
    if (teams.length === 1) {
      ctx.reply(text('evaluasi.tulisHasil', { tim: teams[0]!.name }));
      return { next: { step: 'ASK_RESULT', timId: teams[0]!.id } };
    }
    ctx.reply(choice('evaluasi.pilihTim', teams.map((tim) => [{ label: label('laporan.tombolTim', { nama: tim.name }), action: 'pilih', args: { timId: tim.id, nama: tim.name } }])));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        ctx.reply(text('evaluasi.tulisHasil', { tim: press.args.nama ?? '-' }));
        return { next: { step: 'ASK_RESULT', timId: press.args.timId ?? '' } };
      },
    },
    ASK_RESULT: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        await submitResult(ctx, state.timId, input.trim());
        return { end: true };
      },
    },
    ASK_RETURN_NOTE: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        await returnResult(ctx, state.evaluasiId, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    teruskan: async (ctx, args) => { await forwardResult(ctx, args.evaluasiId ?? ''); },
    terima: async (ctx, args) => { await acceptResult(ctx, args.evaluasiId ?? ''); },
    async kembalikan(ctx, args) {
      const pending = await requireReviewer(ctx, args.evaluasiId ?? '');
      ctx.reply(text('evaluasi.tulisCatatan'));
      return { next: { step: 'ASK_RETURN_NOTE', evaluasiId: pending.id } };
    },
  },
});
