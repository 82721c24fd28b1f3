// S3 (issue 6 item 10): the issuer cancels an active assignment, with a reason.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { cancelAssignment, cancellableAssignments } from '../src/core/domain/penugasan/cancelAssignment';
import { taskSubject, teamSubject } from '../src/core/domain/workSubject';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE') }),
  z.object({ step: z.literal('ASK_REASON'), penugasanId: z.string() }),
  z.object({ step: z.literal('CONFIRM'), penugasanId: z.string(), alasan: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_REASON = 10;
const backButton = { label: label('umum.batal'), action: 'kembali' };

function leave(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

async function chosen(ctx: FlowContext, penugasanId: string) {
  return (await cancellableAssignments(ctx)).find((p) => p.id === penugasanId);
}

export const batalkanPenugasan = defineFlow<State>({
  id: 'batalkanPenugasan',
  version: 1,
  command: 'batalkantugas',
  descriptionKey: 'pembatalan.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await cancellableAssignments(ctx)).length > 0,
  async start(ctx) {
    const rows = (await cancellableAssignments(ctx)).map((p) => [{
      label: label('pembatalan.tombol', { nomor: p.number, nama: p.pegawai.name }), action: 'pilih', args: { penugasanId: p.id },
    }]);
    ctx.reply(choice('pembatalan.pilih', [...rows, [backButton]]));
    return { next: { step: 'CHOOSE' } };
  },
  steps: {
    CHOOSE: {
      async button(ctx, _state, press) {
        if (press.action !== 'pilih') return leave(ctx);
        const penugasan = await chosen(ctx, press.args.penugasanId ?? '');
        if (!penugasan) return leave(ctx);
        const subjek = penugasan.tim ? teamSubject(penugasan.tim.name) : taskSubject(penugasan.details);
        ctx.reply(text('pembatalan.tanyaAlasan', { nomor: penugasan.number, nama: penugasan.pegawai.name, subjek }));
        return { next: { step: 'ASK_REASON', penugasanId: penugasan.id } };
      },
    },
    ASK_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'pembatalan.alasanTerlaluPendek')) return { stay: true };
        const penugasan = await chosen(ctx, state.penugasanId);
        if (!penugasan) return leave(ctx);
        ctx.reply(choice('pembatalan.konfirmasi', [[{ label: label('pembatalan.batalkan'), action: 'batalkan', style: 'danger' }, backButton]], {
          nomor: penugasan.number, nama: penugasan.pegawai.name, alasan: input.trim(),
        }));
        return { next: { step: 'CONFIRM', penugasanId: state.penugasanId, alasan: input.trim() } };
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'batalkan') return leave(ctx);
        await cancelAssignment(ctx, state.penugasanId, state.alasan);
        return { end: true };
      },
    },
  },
});
