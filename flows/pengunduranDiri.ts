// WF-10 (domain-spec §3.10, Samarinda format 6): resignation from a team for technical reasons,
// an anggota through the ketua tim to their Penilai, a ketua straight to their Penilai.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import {
  decideResignation, forwardResignation, myMemberships, requireDecisionHolder, resignationAllowed, RESIGNATION_FLOW_ID, RESIGNATION_REASONS, submitResignation,
} from '../src/core/domain/tim/resignation';

const ReasonSchema = z.enum(RESIGNATION_REASONS);
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('CHOOSE_REASON'), membershipId: z.string() }),
  z.object({ step: z.literal('CONFIRM_ETHICS'), membershipId: z.string(), reason: ReasonSchema }),
  z.object({ step: z.literal('ASK_DECLINE_REASON'), id: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

export const pengunduranDiri = defineFlow<State>({
  id: RESIGNATION_FLOW_ID,
  version: 1,
  command: 'mundur',
  descriptionKey: 'mundur.perintah',
  state: StateSchema,
  availableTo: async (ctx) => resignationAllowed(ctx) && (await myMemberships(ctx)).length > 0,
  async start(ctx) {
    const memberships = await myMemberships(ctx);
    ctx.reply(choice('mundur.pilihTim', memberships.map((m) => [{ label: label('laporan.tombolTim', { nama: m.tim.name }), action: 'pilih', args: { membershipId: m.id } }])));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        ctx.reply(choice('mundur.pilihAlasan', RESIGNATION_REASONS.map((reason) => [{ label: label(`mundur.alasan.${reason}`), action: 'alasan', args: { reason } }])));
        return { next: { step: 'CHOOSE_REASON', membershipId: press.args.membershipId ?? '' } };
      },
    },
    CHOOSE_REASON: {
      async button(ctx, state, press) {
        ctx.reply(choice('mundur.konfirmasiEtik', [[{ label: label('mundur.ya'), action: 'ya', style: 'primary' }, { label: label('mundur.tidak'), action: 'tidak' }]]));
        return { next: { step: 'CONFIRM_ETHICS', membershipId: state.membershipId, reason: ReasonSchema.parse(press.args.reason) } };
      },
    },
    CONFIRM_ETHICS: {
      async button(ctx, state, press) {
        if (press.action === 'ya') await submitResignation(ctx, state.membershipId, state.reason);
        else ctx.reply(text('mundur.bukanJalurIni'));
        return { end: true };
      },
    },
    ASK_DECLINE_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, 10, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        await decideResignation(ctx, state.id, false, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    teruskan: async (ctx, args) => { await forwardResignation(ctx, args.id ?? ''); },
    terima: async (ctx, args) => { await decideResignation(ctx, args.id ?? '', true, null); },
    async tolak(ctx, args) {
      const request = await requireDecisionHolder(ctx, args.id ?? '');
      ctx.reply(text('persetujuan.mintaAlasan', { nomor: request.number }));
      return { next: { step: 'ASK_DECLINE_REASON', id: request.id } };
    },
  },
});
