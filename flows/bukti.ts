// Issue 7 item 9: an export lists each bukti dukung with a code; `/bukti <kode>` (or the Telegram
// deep link that sends it) brings the file back to a reader allowed to see the report.
import { z } from 'zod';
import { defineFlow } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';
import { sendEvidenceByCode } from '../src/core/domain/laporan/evidenceByCode';

const StateSchema = z.discriminatedUnion('step', [z.object({ step: z.literal('DONE') })]);
type State = z.infer<typeof StateSchema>;

export const bukti = defineFlow<State>({
  id: 'bukti',
  version: 1,
  command: 'bukti',
  descriptionKey: 'laporan.perintahBukti',
  state: StateSchema,
  async start(ctx, args) {
    if (!args.trim()) ctx.reply(text('laporan.buktiTanpaKode'));
    else await sendEvidenceByCode(ctx, args);
    return { end: true };
  },
  steps: { DONE: {} },
});
