// WF-9 (domain-spec §3.9, Appendix B): the ketua tim, or an official on an individual task,
// submits a result against one of its targets; reviewers forward or return it up the chain of the
// owner unit's type; only the final acceptor declares it complete.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext, type Transition } from '../src/core/engine/defineFlow';
import { choice, label, text, type Button } from '../src/core/messages';
import {
  acceptResult, EVALUATION_FLOW_ID, forwardResult, requireReviewer, resultWork, returnResult, submitResult, type ResultWork,
} from '../src/core/domain/evaluasi/evaluation';
import { parseCapaian, tasksToReportOn } from '../src/core/domain/laporan/progressReport';
import { individualTaskName } from '../src/core/domain/penunjukan/individualTaskName';
import { teamsLedBy } from '../src/core/domain/tim/teamsLedBy';

const Work = z.union([z.object({ timId: z.string() }), z.object({ penugasanId: z.string() })]);
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_RESULT'), work: Work }),
  z.object({ step: z.literal('CHOOSE_TARGET'), work: Work, hasil: z.string() }),
  z.object({ step: z.literal('ASK_NILAI'), work: Work, hasil: z.string(), targetId: z.string() }),
  z.object({ step: z.literal('ASK_RETURN_NOTE'), evaluasiId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_TEXT = 10;

/** The teams the actor leads and their own individual tasks: what they may submit results for. */
async function works(ctx: FlowContext): Promise<Array<{ work: ResultWork; name: string }>> {
  const teams = (await teamsLedBy(ctx)).map((tim) => ({ work: { timId: tim.id }, name: tim.name }));
  const tasks = (await tasksToReportOn(ctx)).map((task) => ({ work: { penugasanId: task.id }, name: individualTaskName(task.details) }));
  return [...teams, ...tasks];
}

async function askResult(ctx: FlowContext, work: ResultWork): Promise<Transition<State>> {
  const { subjek } = await resultWork(ctx, work);
  ctx.reply(text('evaluasi.tulisHasil', { subjek }));
  return { next: { step: 'ASK_RESULT', work } };
}

export const evaluasi = defineFlow<State>({
  id: EVALUATION_FLOW_ID,
  version: 2,
  command: 'hasil',
  descriptionKey: 'evaluasi.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await works(ctx)).length > 0,
  async start(ctx) {
    const all = await works(ctx);
    if (all.length === 1) return askResult(ctx, all[0]!.work);
    ctx.reply(choice('evaluasi.pilihTim', all.map(({ work, name }): Button[] => [{ label: label('laporan.tombolTim', { nama: name }), action: 'pilih', args: { ...work } }])));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      button: async (ctx, _state, press) => askResult(ctx, press.args.penugasanId ? { penugasanId: press.args.penugasanId } : { timId: press.args.timId ?? '' }),
    },
    ASK_RESULT: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        const { targets } = await resultWork(ctx, state.work);
        if (targets.length === 0) {
          await submitResult(ctx, state.work, { hasil: input.trim() });
          return { end: true };
        }
        // R9: a result is submitted against a target ("yang sudah sesuai dengan target").
        ctx.reply(choice('evaluasi.pilihTarget', targets.map((target): Button[] => [{ label: label('laporanTim.tombolIndikator', { indikator: target.indikator }), action: 'target', args: { targetId: target.id } }])));
        return { next: { step: 'CHOOSE_TARGET', work: state.work, hasil: input.trim() } };
      },
    },
    CHOOSE_TARGET: {
      async button(ctx, state, press) {
        const target = (await resultWork(ctx, state.work)).targets.find((t) => t.id === press.args.targetId);
        if (!target) return { stay: true };
        ctx.reply(text('evaluasi.tanyaNilai', { indikator: target.indikator, target: target.target, satuan: target.satuan }));
        return { next: { ...state, step: 'ASK_NILAI', targetId: target.id } };
      },
    },
    ASK_NILAI: {
      async text(ctx, state, input) {
        const nilai = parseCapaian(input);
        if (nilai === null) {
          ctx.reply(text('laporan.capaianTidakValid'));
          return { stay: true };
        }
        await submitResult(ctx, state.work, { hasil: state.hasil, targetId: state.targetId, nilai });
        return { end: true };
      },
    },
    ASK_RETURN_NOTE: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        await returnResult(ctx, state.evaluasiId, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    teruskan: async (ctx, args) => { await forwardResult(ctx, args.evaluasiId ?? ''); },
    terima: async (ctx, args) => { await acceptResult(ctx, args.evaluasiId ?? ''); },
    async kembalikan(ctx, args) {
      const pending = await requireReviewer(ctx, args.evaluasiId ?? '');
      ctx.reply(text('evaluasi.tulisCatatan'));
      return { next: { step: 'ASK_RETURN_NOTE', evaluasiId: pending.id } };
    },
  },
});
