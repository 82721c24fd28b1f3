// WF-7 T3'' / R3 (domain-spec §3.7): the ketua tim's periodic team report to the head of the unit
// that owns the work, drafted from the members' reports and editable before sending: the capaian
// per target, the kendala summary and a note.
import { z } from 'zod';
import { teamRows } from '../src/core/domain/tim/teamRows';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { draftTeamReport, editTeamReport, renderTeamReport, submitTeamReport, TEAM_REPORT_FLOW_ID, type TeamReportEdit } from '../src/core/domain/laporan/teamReport';
import { parseCapaian } from '../src/core/domain/laporan/progressReport';
import { teamsLedBy } from '../src/core/domain/tim/teamsLedBy';

const draftState = <S extends string>(step: S) => z.object({ step: z.literal(step), timId: z.string(), laporanId: z.string() });
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  draftState('REVIEW'), draftState('ASK_NOTE'), draftState('CHOOSE_CAPAIAN'), draftState('ASK_KENDALA'),
  draftState('ASK_CAPAIAN').extend({ index: z.number().int().nonnegative() }),
]);
type State = z.infer<typeof StateSchema>;

const MAX_TEXT = 2000;

async function showDraft(ctx: FlowContext, timId: string) {
  const { tim, laporan, content } = await draftTeamReport(ctx, timId);
  ctx.reply(choice('laporanTim.draf', [
    [{ label: label('laporanTim.kirim'), action: 'kirim', style: 'primary' }, { label: label('umum.batal'), action: 'batal' }],
    [
      ...(content.capaian.length > 0 ? [{ label: label('laporanTim.ubahCapaian'), action: 'capaian' }] : []),
      { label: label('laporanTim.ubahKendala'), action: 'kendala' }, { label: label('laporanTim.tambahCatatan'), action: 'catatan' },
    ],
  ], { ringkasan: renderTeamReport(tim.name, content, ctx.actor.locale) }));
  return { next: { step: 'REVIEW', timId, laporanId: laporan.id } as State };
}

/** Saves one edit of the draft and shows it again; an answer that is too long is asked again. */
async function saveEdit(ctx: FlowContext, state: { timId: string; laporanId: string }, edit: TeamReportEdit) {
  await editTeamReport(ctx, state.laporanId, edit);
  return showDraft(ctx, state.timId);
}

function tooLong(ctx: FlowContext, input: string): boolean {
  if (input.trim().length <= MAX_TEXT) return false;
  ctx.reply(text('laporan.jawabanTerlaluPanjang', { batas: MAX_TEXT }));
  return true;
}

export const laporanTim = defineFlow<State>({
  id: TEAM_REPORT_FLOW_ID,
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
        const draft = { timId: state.timId, laporanId: state.laporanId };
        if (press.action === 'kirim') {
          await submitTeamReport(ctx, state.laporanId);
          return { end: true };
        }
        if (press.action === 'catatan') {
          ctx.reply(text('laporanTim.tulisCatatan'));
          return { next: { step: 'ASK_NOTE', ...draft } };
        }
        if (press.action === 'kendala') {
          ctx.reply(text('laporanTim.tulisKendala'));
          return { next: { step: 'ASK_KENDALA', ...draft } };
        }
        if (press.action === 'capaian') {
          const { content } = await draftTeamReport(ctx, state.timId);
          const rows = content.capaian.map((c, index) => [{ label: label('laporanTim.tombolIndikator', { indikator: c.indikator }), action: 'indikator', args: { index: String(index) } }]);
          ctx.reply(choice('laporanTim.pilihIndikator', rows));
          return { next: { step: 'CHOOSE_CAPAIAN', ...draft } };
        }
        ctx.reply(text('laporan.drafTersimpan'));
        return { end: true };
      },
    },
    CHOOSE_CAPAIAN: {
      async button(ctx, state, press) {
        const index = Number(press.args.index);
        const { content } = await draftTeamReport(ctx, state.timId);
        const row = content.capaian[index];
        if (!row) return showDraft(ctx, state.timId);
        ctx.reply(text('laporanTim.tanyaCapaian', { indikator: row.indikator, target: row.target, satuan: row.satuan, nilai: row.nilaiAnggota ?? row.nilai }));
        return { next: { step: 'ASK_CAPAIAN', timId: state.timId, laporanId: state.laporanId, index } };
      },
    },
    ASK_CAPAIAN: {
      async text(ctx, state, input) {
        const nilai = parseCapaian(input);
        if (nilai === null) {
          ctx.reply(text('laporan.capaianTidakValid'));
          return { stay: true };
        }
        return saveEdit(ctx, state, { capaianIndex: state.index, nilai });
      },
    },
    ASK_KENDALA: {
      async text(ctx, state, input) {
        if (tooLong(ctx, input)) return { stay: true };
        // "-" goes back to the kendala as the members wrote them.
        return saveEdit(ctx, state, { kendala: input.trim() === '-' ? null : input.trim() });
      },
    },
    ASK_NOTE: {
      async text(ctx, state, input) {
        if (tooLong(ctx, input)) return { stay: true };
        return saveEdit(ctx, state, { catatan: input.trim() });
      },
    },
  },
  actions: {
    // The button on the ketua's weekly digest opens this period's draft.
    mulai: (ctx, args) => showDraft(ctx, args.timId ?? ''),
  },
});
