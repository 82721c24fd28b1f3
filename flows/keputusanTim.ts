// Lamandau Ps 24: a team that another regulation wants set by Keputusan is set by the Kepala PD
// (within one PD), the Sekda and/or the Bupati (across PDs), or the Bupati (across instansi).
import { z } from 'zod';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { decreeableTeam, decreeableTeams, issueTeamKeputusan } from '../src/core/domain/tim/teamKeputusan';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('CONFIRM'), timId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const cancelButton = { label: label('umum.batal'), action: 'batal' };

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

export const keputusanTim = defineFlow<State>({
  id: 'keputusan-tim',
  version: 1,
  command: 'keputusantim',
  descriptionKey: 'keputusan.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await decreeableTeams(ctx)).length > 0,
  refusal: { rule: 'LMD-24', key: 'keputusan.tidakTersedia' },
  async start(ctx) {
    const teams = await decreeableTeams(ctx);
    ctx.reply(choice('keputusan.pilihTim', [...teams.map((t) => [{ label: label('grup.tombolTim', { nama: t.name }), action: 'tim', args: { timId: t.id } }]), [cancelButton]]));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        if (press.action !== 'tim') return cancel(ctx);
        const { tim, rule } = await decreeableTeam(ctx, press.args.timId ?? '');
        const ketua = tim.memberships.filter((m) => m.role === 'KETUA').map((m) => m.pegawai.name).join(', ') || '-';
        const anggota = tim.memberships.filter((m) => m.role === 'ANGGOTA').map((m) => m.pegawai.name).join(', ') || '-';
        ctx.reply(choice('keputusan.konfirmasi', [[{ label: label('keputusan.terbitkan'), action: 'terbitkan', style: 'primary' }, cancelButton]], {
          tim: tim.name, ketua, anggota, citation: rule.citation,
        }));
        return { next: { step: 'CONFIRM', timId: tim.id } };
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'terbitkan') return cancel(ctx);
        await issueTeamKeputusan(ctx, state.timId);
        return { end: true };
      },
    },
  },
});
