// WF-8: open kendala stay visible with their age until the owner unit's head decides.
import { z } from 'zod';
import { defineFlow } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';
import { t } from '../src/core/catalog/t';
import { openKendala } from '../src/core/domain/kendala/escalation';

const StateSchema = z.discriminatedUnion('step', [z.object({ step: z.literal('DONE') })]);
type State = z.infer<typeof StateSchema>;

export const daftarKendala = defineFlow<State>({
  id: 'daftar-kendala',
  version: 1,
  command: 'kendalaterbuka',
  descriptionKey: 'kendala.perintahDaftar',
  state: StateSchema,
  async start(ctx) {
    const open = await openKendala(ctx);
    if (open.length === 0) ctx.reply(text('kendala.tidakAda'));
    else ctx.reply(text('kendala.daftar', { daftar: open.map((k) => t(ctx.actor.locale, 'kendala.barisDaftar', { ...k, umur: k.umurHari })).join('\n') }));
    return { end: true };
  },
  steps: { DONE: {} },
});
