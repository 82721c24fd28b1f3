// Issue 8 item 4: an official records leave or official travel, or a ketua tim records it for a
// member; during it there are no report reminders and reports are not counted late.
import { z } from 'zod';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import {
  JenisCutiSchema, LEAVE_BACKDATE_DAYS, LEAVE_MAX_DAYS, parseDateRange, plausibleLeave, recordLeave, type JenisCuti,
} from '../src/core/domain/cuti/leave';
import { leaveSubjects, requireLeaveSubject } from '../src/core/domain/cuti/leaveSubjects';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedDate, zonedMidnight } from '../src/core/domain/zonedTime';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_PERSON') }),
  z.object({ step: z.literal('CHOOSE_KIND'), pegawaiId: z.string() }),
  z.object({ step: z.literal('ASK_DATES'), pegawaiId: z.string(), kind: JenisCutiSchema }),
  z.object({ step: z.literal('CONFIRM'), pegawaiId: z.string(), kind: JenisCutiSchema, startsOn: z.string(), endsOn: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const cancelButton = { label: label('umum.batal'), action: 'batal' };

function askKind(ctx: FlowContext, pegawaiId: string) {
  const kinds = JenisCutiSchema.options.map((kind) => ({ label: label(`cuti.jenis.${kind}`), action: 'jenis', args: { kind } }));
  ctx.reply(choice('cuti.pilihJenis', [...pairs(kinds), [cancelButton]]));
  return { next: { step: 'CHOOSE_KIND', pegawaiId } as State };
}

function pairs<T>(items: T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  return rows;
}

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

async function describe(ctx: FlowContext, state: { pegawaiId: string; kind: JenisCuti; startsOn: string; endsOn: string }) {
  const zone = ctx.actor.timeZone;
  return {
    jenis: label(`cuti.jenis.${state.kind}`), nama: (await requireLeaveSubject(ctx, state.pegawaiId)).name,
    mulai: formatDate(zonedMidnight(state.startsOn, zone), zone), selesai: formatDate(zonedMidnight(state.endsOn, zone), zone),
  };
}

export const cuti = defineFlow<State>({
  id: 'cuti',
  version: 1,
  command: 'cuti',
  descriptionKey: 'cuti.perintah',
  state: StateSchema,
  async start(ctx) {
    const subjects = await leaveSubjects(ctx);
    if (subjects.length === 1) return askKind(ctx, ctx.actor.id);
    const rows = subjects.map((p) => [{ label: p.id === ctx.actor.id ? label('cuti.untukSaya') : label('grup.tombolTim', { nama: p.name }), action: 'orang', args: { pegawaiId: p.id } }]);
    ctx.reply(choice('cuti.pilihOrang', [...rows, [cancelButton]]));
    return { next: { step: 'CHOOSE_PERSON' } };
  },
  steps: {
    CHOOSE_PERSON: {
      async button(ctx, _state, press) {
        if (press.action !== 'orang') return cancel(ctx);
        return askKind(ctx, (await requireLeaveSubject(ctx, press.args.pegawaiId ?? '')).id);
      },
    },
    CHOOSE_KIND: {
      async button(ctx, state, press) {
        const kind = JenisCutiSchema.safeParse(press.args.kind);
        if (press.action !== 'jenis' || !kind.success) return cancel(ctx);
        ctx.reply(text('cuti.tanyaTanggal'));
        return { next: { step: 'ASK_DATES', pegawaiId: state.pegawaiId, kind: kind.data } };
      },
    },
    ASK_DATES: {
      async text(ctx, state, input) {
        const range = parseDateRange(input);
        if (!range) {
          ctx.reply(text('cuti.tanggalTidakValid'));
          return { stay: true };
        }
        if (!plausibleLeave(range, zonedDate(ctx.now, ctx.actor.timeZone))) {
          ctx.reply(text('cuti.rentangTidakWajar', { mundur: LEAVE_BACKDATE_DAYS, maks: LEAVE_MAX_DAYS }));
          return { stay: true };
        }
        const next = { ...state, ...range, step: 'CONFIRM' as const };
        ctx.reply(choice('cuti.konfirmasi', [[{ label: label('cuti.simpan'), action: 'simpan', style: 'primary' }, cancelButton]], await describe(ctx, next)));
        return { next };
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'simpan') return cancel(ctx);
        await requireLeaveSubject(ctx, state.pegawaiId);
        await recordLeave(ctx, { pegawaiId: state.pegawaiId, kind: state.kind, startsOn: state.startsOn, endsOn: state.endsOn });
        ctx.reply(text('cuti.tersimpan', await describe(ctx, state)));
        return { end: true };
      },
    },
  },
});
