// WF-1 without a team (domain-spec §2 "Individu", R2): the profile's issuer gives a functional
// official or pelaksana of the unit an individual task with a target and an end date; the letter
// follows, and the assignee accepts or objects with the buttons of pengajuanSukarela.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { designateIndividual, individualCandidates } from '../src/core/domain/penunjukan/designateIndividual';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedDate, zonedMidnight } from '../src/core/domain/zonedTime';

const task = z.object({ pegawaiId: z.string() });
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_PERSON') }),
  task.extend({ step: z.literal('ASK_TUGAS') }),
  task.extend({ step: z.literal('ASK_TARGET'), tugas: z.string() }),
  task.extend({ step: z.literal('ASK_SELESAI'), tugas: z.string(), target: z.number(), satuan: z.string() }),
  task.extend({ step: z.literal('CONFIRM'), tugas: z.string(), target: z.number(), satuan: z.string(), selesai: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_TUGAS = 10;
const MAX_TEXT = 500;
const MAX_DAYS = 366;
const cancelButton = { label: label('umum.batal'), action: 'batal' };

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

/** "12 dokumen", "12,5 persen": the target and its satuan, or null. */
export function parseTarget(input: string): { target: number; satuan: string } | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s+(\S.{0,39})$/.exec(input.trim());
  return match ? { target: Number(match[1]!.replace(',', '.')), satuan: match[2]!.trim() } : null;
}

/** The last day of the task (YYYY-MM-DD, the instansi's zone): after today and within a year. */
function parseEndDate(ctx: FlowContext, input: string): string | null {
  const date = input.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(zonedMidnight(date, ctx.actor.timeZone).getTime())) return null;
  const days = (zonedMidnight(date, ctx.actor.timeZone).getTime() - zonedMidnight(zonedDate(ctx.now, ctx.actor.timeZone), ctx.actor.timeZone).getTime()) / 86_400_000;
  return days >= 1 && days <= MAX_DAYS ? date : null;
}

/** The task runs through its last day: it ends at the following midnight in the instansi's zone. */
const endOf = (ctx: FlowContext, date: string) => new Date(zonedMidnight(date, ctx.actor.timeZone).getTime() + 86_400_000);

export const tugasIndividu = defineFlow<State>({
  id: 'tugas-individu',
  version: 1,
  command: 'tugaskan',
  descriptionKey: 'individu.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await individualCandidates(ctx)).length > 0,
  async start(ctx) {
    const people = await individualCandidates(ctx);
    const rows = people.map((p) => [{ label: label('individu.tombolOrang', { nama: p.name, unit: p.homeUnit.name }), action: 'orang', args: { pegawaiId: p.id } }]);
    ctx.reply(choice('individu.pilihOrang', [...rows, [cancelButton]]));
    return { next: { step: 'CHOOSE_PERSON' } };
  },
  steps: {
    CHOOSE_PERSON: {
      async button(ctx, _state, press) {
        const person = (await individualCandidates(ctx)).find((p) => p.id === press.args.pegawaiId);
        if (press.action !== 'orang' || !person) return cancel(ctx);
        ctx.reply(text('individu.tanyaTugas', { nama: person.name }));
        return { next: { step: 'ASK_TUGAS', pegawaiId: person.id } };
      },
    },
    ASK_TUGAS: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TUGAS, 'individu.tugasTerlaluPendek')) return { stay: true };
        ctx.reply(text('individu.tanyaTarget'));
        return { next: { ...state, step: 'ASK_TARGET', tugas: input.trim().slice(0, MAX_TEXT) } };
      },
    },
    ASK_TARGET: {
      async text(ctx, state, input) {
        const parsed = parseTarget(input);
        if (!parsed || parsed.target <= 0) {
          ctx.reply(text('individu.targetTidakValid'));
          return { stay: true };
        }
        ctx.reply(text('individu.tanyaSelesai'));
        return { next: { ...state, step: 'ASK_SELESAI', ...parsed } };
      },
    },
    ASK_SELESAI: {
      async text(ctx, state, input) {
        const selesai = parseEndDate(ctx, input);
        if (!selesai) {
          ctx.reply(text('individu.selesaiTidakValid', { batas: MAX_DAYS }));
          return { stay: true };
        }
        const person = (await individualCandidates(ctx)).find((p) => p.id === state.pegawaiId);
        ctx.reply(choice('individu.konfirmasi', [[{ label: label('penunjukan.terbitkan'), action: 'terbitkan', style: 'primary' }, cancelButton]], {
          nama: person?.name ?? '-', tugas: state.tugas, target: state.target, satuan: state.satuan, selesai: formatDate(zonedMidnight(selesai, ctx.actor.timeZone), ctx.actor.timeZone),
        }));
        return { next: { ...state, step: 'CONFIRM', selesai } };
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'terbitkan') return cancel(ctx);
        await designateIndividual(ctx, { pegawaiId: state.pegawaiId, tugas: state.tugas, target: state.target, satuan: state.satuan, selesai: endOf(ctx, state.selesai) });
        return { end: true };
      },
    },
  },
});
