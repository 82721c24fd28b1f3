// WF-7 T3'' / R3 (domain-spec §3.7): the ketua tim's periodic team report to the head of the unit
// that owns the work, drafted from the members' reports and editable (a note) before sending.
import { z } from 'zod';
import { teamRows } from '../src/core/domain/tim/teamRows';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { draftTeamReport, renderTeamReport, setTeamReportNote, submitTeamReport } from '../src/core/domain/laporan/teamReport';
import { teamsLedBy } from '../src/core/domain/tim/teamsLedBy';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('REVIEW'), timId: z.string(), laporanId: z.string() }),
  z.object({ step: z.literal('ASK_NOTE'), timId: z.string(), laporanId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

async function showDraft(ctx: FlowContext, timId: string) {
  const { tim, laporan, content } = await draftTeamReport(ctx, timId);
  ctx.reply(choice('laporanTim.draf', [[
    { label: label('laporanTim.kirim'), action: 'kirim', style: 'primary' },
    { label: label('laporanTim.tambahCatatan'), action: 'catatan' },
    { label: label('umum.batal'), action: 'batal' },
  ]], { ringkasan: renderTeamReport(tim.name, content, ctx.actor.locale) }));
  return { next: { step: 'REVIEW', timId, laporanId: laporan.id } as State };
}

export const laporanTim = defineFlow<State>({
  id: 'laporan-tim',
  version: 1,
  command: 'laporantim',
  descriptionKey: 'laporanTim.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsLedBy(ctx)).length > 0,
  async start(ctx) {
    const teams = await teamsLedBy(ctx);
    if (teams.length === 1) return showDraft(ctx, teams[0]!.id);
    ctx.reply(choice('laporanTim.pilihTim', teamRows(teams)));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: { button: async (ctx, _state, press) => showDraft(ctx, press.args.timId ?? '') },
    REVIEW: {
      async button(ctx, state, press) {
        if (press.action === 'kirim') {
          await submitTeamReport(ctx, state.laporanId);
          return { end: true };
        }
        if (press.action === 'catatan') {
          ctx.reply(text('laporanTim.tulisCatatan'));
          return { next: { step: 'ASK_NOTE', timId: state.timId, laporanId: state.laporanId } };
        }
        ctx.reply(text('laporan.drafTersimpan'));
        return { end: true };
      },
    },
    ASK_NOTE: {
      async text(ctx, state, input) {
        await setTeamReportNote(ctx, state.laporanId, input.trim());
        return showDraft(ctx, state.timId);
      },
    },
  },
});
