// WF-8 (domain-spec §3.8): the ketua tim raises permasalahan and kendala with alternatives; the
// owner unit's head decides; with cross-leader collaboration the members' home heads follow up.
import { z } from 'zod';
import { teamRows } from '../src/core/domain/tim/teamRows';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { teamsLedBy } from '../src/core/domain/tim/teamsLedBy';
import { decideKendala, followUpKendala, KENDALA_FLOW_ID, raiseKendala, requireRecipient } from '../src/core/domain/kendala/escalation';

const Draft = { timId: z.string(), permasalahan: z.string(), kendala: z.string(), alternatives: z.array(z.string()) };
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_PERMASALAHAN'), timId: z.string() }),
  z.object({ step: z.literal('ASK_KENDALA'), timId: z.string(), permasalahan: z.string() }),
  z.object({ step: z.literal('ASK_ALTERNATIF'), ...Draft }),
  z.object({ step: z.literal('ASK_KOLABORASI'), ...Draft }),
  z.object({ step: z.literal('ASK_DECISION'), kendalaId: z.string() }),
  z.object({ step: z.literal('ASK_FOLLOWUP'), kendalaId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_TEXT = 5;
const tooShort = (ctx: FlowContext, input: string) => answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek');

export const kendala = defineFlow<State>({
  id: KENDALA_FLOW_ID,
  version: 1,
  command: 'kendala',
  descriptionKey: 'kendala.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsLedBy(ctx)).length > 0,
  async start(ctx) {
    const teams = await teamsLedBy(ctx);
    if (teams.length === 1) {
      ctx.reply(text('kendala.tulisPermasalahan'));
      return { next: { step: 'ASK_PERMASALAHAN', timId: teams[0]!.id } };
    }
    ctx.reply(choice('kendala.pilihTim', teamRows(teams)));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        ctx.reply(text('kendala.tulisPermasalahan'));
        return { next: { step: 'ASK_PERMASALAHAN', timId: press.args.timId ?? '' } };
      },
    },
    ASK_PERMASALAHAN: {
      async text(ctx, state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        ctx.reply(text('kendala.tulisKendala'));
        return { next: { step: 'ASK_KENDALA', timId: state.timId, permasalahan: input.trim() } };
      },
    },
    ASK_KENDALA: {
      async text(ctx, state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        ctx.reply(text('kendala.tulisAlternatif', { n: 1 }));
        return { next: { step: 'ASK_ALTERNATIF', timId: state.timId, permasalahan: state.permasalahan, kendala: input.trim(), alternatives: [] } };
      },
    },
    ASK_ALTERNATIF: {
      async text(ctx, state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        const alternatives = [...state.alternatives, input.trim()];
        ctx.reply(choice('kendala.alternatifDiterima', [[{ label: label('kendala.selesai'), action: 'selesai' }]], { n: alternatives.length }));
        return { next: { ...state, alternatives } };
      },
      async button(ctx, state) {
        ctx.reply(choice('kendala.tanyaKolaborasi', [[{ label: label('kendala.ya'), action: 'ya' }, { label: label('kendala.tidak'), action: 'tidak' }]]));
        return { next: { ...state, step: 'ASK_KOLABORASI' } };
      },
    },
    ASK_KOLABORASI: {
      async button(ctx, state, press) {
        await raiseKendala(ctx, { ...state, collaboration: press.action === 'ya' });
        return { end: true };
      },
    },
    ASK_DECISION: {
      async text(ctx, state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        await decideKendala(ctx, state.kendalaId, { note: input.trim() });
        return { end: true };
      },
    },
    ASK_FOLLOWUP: {
      async text(ctx, state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        await followUpKendala(ctx, state.kendalaId, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    pilih: async (ctx, args) => { await decideKendala(ctx, args.kendalaId ?? '', { alternative: Number(args.n) }); },
    async lain(ctx, args) {
      const item = await requireRecipient(ctx, args.kendalaId ?? '');
      ctx.reply(text('kendala.tulisKeputusan'));
      return { next: { step: 'ASK_DECISION', kendalaId: item.id } };
    },
    async tindaklanjut(ctx, args) {
      const item = await requireRecipient(ctx, args.kendalaId ?? '');
      ctx.reply(text('kendala.tulisTindakLanjut'));
      return { next: { step: 'ASK_FOLLOWUP', kendalaId: item.id } };
    },
  },
});
