import { z } from 'zod';
import { defineFlow } from '../../src/core/engine/defineFlow';
import { choice, label, text } from '../../src/core/messages';

// A small two-step form used to exercise the engine; it reuses existing catalogue keys.
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('ASK_MOTIVATION') }),
  z.object({ step: z.literal('CONFIRM'), motivasi: z.string() }),
]);

export const formFlow = defineFlow({
  id: 'uji-formulir',
  version: 1,
  command: 'isi',
  descriptionKey: 'pengajuan.perintah',
  state: StateSchema,
  async start(ctx) {
    ctx.reply(text('pengajuan.tulisMotivasi', { tim: 'Uji', unit: 'Unit Uji', kompetensi: '-' }));
    return { next: { step: 'ASK_MOTIVATION' } };
  },
  steps: {
    ASK_MOTIVATION: {
      async text(ctx, _state, input) {
        if (input === 'meledak') throw new Error('handler bug with secret body text');
        ctx.reply(choice('pengajuan.konfirmasi', [[
          { label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' },
          { label: label('umum.batal'), action: 'batal' },
        ]], { nama: 'Uji', unit: 'Unit Uji', motivasi: input }));
        return { next: { step: 'CONFIRM', motivasi: input } };
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action === 'batal') {
          ctx.reply(text('percakapan.dibatalkan'));
          return { end: true };
        }
        ctx.audit({ action: 'uji.kirim', outcome: 'OK', details: { length: state.motivasi.length } });
        ctx.reply(text('pengajuan.terkirim', { nomor: 1, penerima: 'Uji', peran: 'uji' }));
        return { end: true };
      },
    },
  },
});
