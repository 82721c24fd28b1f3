// WF-12 (domain-spec §3.12, KRA Ps 10(4)): a pejabat fungsional asks the Kepala Unit Organisasi to
// carry out a butir kegiatan for angka kredit that is not part of the unit's performance.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';
import { getPolicyProfile } from '../src/core/policy/policyProfile';
import { CREDIT_FLOW_ID, decideCreditActivity, requestCreditActivity, requireCreditDecider } from '../src/core/domain/angkaKredit/creditActivities';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('ASK_BUTIR') }),
  z.object({ step: z.literal('ASK_REASON'), id: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_TEXT = 10;
const tooShort = (ctx: FlowContext, input: string) => answerTooShort(ctx, input, MIN_TEXT, 'persetujuan.alasanTerlaluPendek');

export const angkaKredit = defineFlow<State>({
  id: CREDIT_FLOW_ID,
  version: 1,
  command: 'angkakredit',
  descriptionKey: 'angkaKredit.perintah',
  state: StateSchema,
  availableTo: async (ctx) => getPolicyProfile(ctx.actor.policyProfile).angkaKredit.enabled && ctx.actor.jenisJabatan === 'FUNGSIONAL',
  async start(ctx) {
    ctx.reply(text('angkaKredit.tulisButir'));
    return { next: { step: 'ASK_BUTIR' } };
  },
  steps: {
    ASK_BUTIR: {
      async text(ctx, _state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        await requestCreditActivity(ctx, input.trim());
        return { end: true };
      },
    },
    ASK_REASON: {
      async text(ctx, state, input) {
        if (tooShort(ctx, input)) return { stay: true };
        await decideCreditActivity(ctx, state.id, false, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    setujui: async (ctx, args) => { await decideCreditActivity(ctx, args.id ?? '', true, null); },
    async tolak(ctx, args) {
      const request = await requireCreditDecider(ctx, args.id ?? '');
      ctx.reply(text('persetujuan.mintaAlasan', { nomor: request.number }));
      return { next: { step: 'ASK_REASON', id: request.id } };
    },
  },
});
