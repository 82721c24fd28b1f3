// The items every permohonan pelibatan must carry (domain-spec §5.7: maksud dan tujuan, kompetensi,
// ekspektasi, durasi), asked in turn with the team's own text one press away. Shared by
// /mintapegawai (one named official) and /mintainstansi (officials of another government).
import { answerTooShort } from '../src/core/engine/answerTooShort';
import type { FlowContext, StepHandlers, Transition } from '../src/core/engine/defineFlow';
import { choice, label, text, type CoreMessage } from '../src/core/messages';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedDate } from '../src/core/domain/zonedTime';
import { validLastDay } from '../src/core/domain/penunjukan/lastDay';

const MIN_ANSWER = 10;
export const cancelButton = { label: label('umum.batal'), action: 'batal' };

export function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

/** The team's own text as a one-press answer, where the team has one. */
export function teamAnswer(value: string | null, action: string) {
  return value ? [[{ label: label('pelibatan.pakaiDataTim', { isi: value.slice(0, 60) }), action }]] : [];
}

type AskMaksud<D> = D & { step: 'ASK_MAKSUD' };
type AskKompetensi<D> = D & { step: 'ASK_KOMPETENSI'; maksudTujuan: string };
type AskEkspektasi<D> = D & { step: 'ASK_EKSPEKTASI'; maksudTujuan: string; kompetensi: string };
export type AskEnd<D> = D & { step: 'ASK_END'; maksudTujuan: string; kompetensi: string; ekspektasi: string };

interface ItemHooks<D, S> {
  /** The team the request is for: its own texts and its end, the latest last day. */
  team(ctx: FlowContext, state: D): Promise<{ maksudTujuan: string | null; kompetensi: string | null; endsOn: Date }>;
  /** The third question names who is expected to perform: one official, or the officials asked for. */
  ekspektasiQuestion(ctx: FlowContext, state: D): Promise<CoreMessage>;
  /** The summary once the last day is known. */
  confirm(ctx: FlowContext, state: AskEnd<D>, selesai: string): Promise<Transition<S>>;
}

/**
 * The steps ASK_MAKSUD to ASK_END of a flow whose states carry the draft `D` and the items so far.
 * The flow enters ASK_MAKSUD having asked the first question itself.
 */
export function requestItemSteps<D extends object, S extends { step: string }>(hooks: ItemHooks<D, S>) {
  // The states are the flow's own, checked by its zod schema on every read; here they are built by shape.
  const next = (state: object): Transition<S> => ({ next: state as unknown as S });
  const askKompetensi = async (ctx: FlowContext, state: AskMaksud<D>, maksudTujuan: string) => {
    const tim = await hooks.team(ctx, state);
    ctx.reply(choice('pelibatan.tanyaKompetensi', [...teamAnswer(tim.kompetensi, 'kompetensiTim'), [cancelButton]]));
    return next({ ...state, step: 'ASK_KOMPETENSI', maksudTujuan });
  };
  const askEkspektasi = async (ctx: FlowContext, state: AskKompetensi<D>, kompetensi: string) => {
    ctx.reply(await hooks.ekspektasiQuestion(ctx, state));
    return next({ ...state, step: 'ASK_EKSPEKTASI', kompetensi });
  };
  const steps: {
    ASK_MAKSUD: StepHandlers<AskMaksud<D>, S>; ASK_KOMPETENSI: StepHandlers<AskKompetensi<D>, S>;
    ASK_EKSPEKTASI: StepHandlers<AskEkspektasi<D>, S>; ASK_END: StepHandlers<AskEnd<D>, S>;
  } = {
    ASK_MAKSUD: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_ANSWER, 'pelibatan.jawabanTerlaluPendek')) return { stay: true };
        return askKompetensi(ctx, state, input.trim());
      },
      async button(ctx, state, press) {
        const tim = await hooks.team(ctx, state);
        if (press.action !== 'maksudTim' || !tim.maksudTujuan) return cancel(ctx);
        return askKompetensi(ctx, state, tim.maksudTujuan);
      },
    },
    ASK_KOMPETENSI: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_ANSWER, 'pelibatan.jawabanTerlaluPendek')) return { stay: true };
        return askEkspektasi(ctx, state, input.trim());
      },
      async button(ctx, state, press) {
        const tim = await hooks.team(ctx, state);
        if (press.action !== 'kompetensiTim' || !tim.kompetensi) return cancel(ctx);
        return askEkspektasi(ctx, state, tim.kompetensi);
      },
    },
    ASK_EKSPEKTASI: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_ANSWER, 'pelibatan.jawabanTerlaluPendek')) return { stay: true };
        const tim = await hooks.team(ctx, state);
        const teamEnd = formatDate(tim.endsOn, ctx.actor.timeZone);
        const untilTeamEnd = { label: label('penunjukan.sampaiAkhirTim', { selesai: teamEnd }), action: 'selesai', args: { selesai: zonedDate(tim.endsOn, ctx.actor.timeZone) } };
        ctx.reply(choice('pelibatan.tanyaSelesai', [[untilTeamEnd], [cancelButton]], { selesai: teamEnd }));
        return next({ ...state, step: 'ASK_END', ekspektasi: input.trim() });
      },
    },
    ASK_END: {
      async text(ctx, state, input) {
        const tim = await hooks.team(ctx, state);
        if (!validLastDay(input.trim(), ctx.now, tim.endsOn, ctx.actor.timeZone)) {
          ctx.reply(text('penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, ctx.actor.timeZone) }));
          return { stay: true };
        }
        return hooks.confirm(ctx, state, input.trim());
      },
      async button(ctx, state, press) {
        const tim = await hooks.team(ctx, state);
        if (press.action !== 'selesai' || !validLastDay(press.args.selesai ?? '', ctx.now, tim.endsOn, ctx.actor.timeZone)) return cancel(ctx);
        return hooks.confirm(ctx, state, press.args.selesai!);
      },
    },
  };
  return steps;
}
