// WF-7 T5 / R8 (domain-spec §3.7): the ketua tim acknowledges a member's report, comments on it
// or asks for a revision, and can see its bukti dukung. Buttons come with each incoming report.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';
import { FEEDBACK_FLOW_ID } from '../src/core/domain/laporan/submitProgressReport';
import { forwardEvidence, giveFeedback, requireReportAddressee } from '../src/core/domain/laporan/reportFeedback';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('ASK_NOTE'), laporanId: z.string(), kind: z.enum(['COMMENT', 'REVISION']) }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_NOTE = 5;

export const umpanBalik = defineFlow<State>({
  id: FEEDBACK_FLOW_ID,
  version: 1,
  state: StateSchema,
  steps: {
    ASK_NOTE: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_NOTE, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        await giveFeedback(ctx, state.laporanId, state.kind, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    async terima(ctx, args) {
      await giveFeedback(ctx, args.laporanId ?? '', 'ACK', null);
    },
    async komentar(ctx, args) {
      const laporan = await requireReportAddressee(ctx, args.laporanId ?? '');
      ctx.reply(text('laporan.tulisKomentar', { nama: laporan.author.name }));
      return { next: { step: 'ASK_NOTE', laporanId: laporan.id, kind: 'COMMENT' } };
    },
    async revisi(ctx, args) {
      const laporan = await requireReportAddressee(ctx, args.laporanId ?? '');
      ctx.reply(text('laporan.tulisRevisi', { nama: laporan.author.name }));
      return { next: { step: 'ASK_NOTE', laporanId: laporan.id, kind: 'REVISION' } };
    },
    async bukti(ctx, args) {
      await forwardEvidence(ctx, args.laporanId ?? '');
    },
  },
});
