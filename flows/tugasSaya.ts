// Rule P (domain-spec §3.13): an official's teams, own-unit work first, other units' work labelled.
import { z } from 'zod';
import { defineFlow } from '../src/core/engine/defineFlow';
import { text } from '../src/core/messages';
import { listMyTeams } from '../src/core/domain/tim/myTeams';

const StateSchema = z.discriminatedUnion('step', [z.object({ step: z.literal('DONE') })]);
type State = z.infer<typeof StateSchema>;

export const tugasSaya = defineFlow<State>({
  id: 'tugas-saya',
  version: 1,
  command: 'tugas',
  descriptionKey: 'tugas.perintah',
  state: StateSchema,
  async start(ctx) {
    const lines = await listMyTeams(ctx);
    ctx.reply(lines.length > 0 ? text('tugas.daftar', { daftar: lines.join('\n') }) : text('tugas.tidakAda'));
    return { end: true };
  },
  steps: { DONE: {} },
});
