// WF-2 (domain-spec §3.2): the owner unit's head asks another unit for one of its officials with
// the four items of a permohonan pelibatan; the chain's approvers answer with the buttons of
// pengajuanSukarela (the same approval steps), and in Lamandau the head then issues the SK Tim Kerja.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedDate, zonedMidnight } from '../src/core/domain/zonedTime';
import { validLastDay } from '../src/core/domain/penunjukan/lastDay';
import { involvementCandidates, involvementTeam, involvementTeams, unitsMatching } from '../src/core/domain/pelibatan/involvementChoices';
import { involvementRoute, requestInvolvement } from '../src/core/domain/pelibatan/requestInvolvement';
import { chainHolders } from '../src/core/domain/pelibatan/involvementParties';
import { decreeTeam, PELIBATAN_FLOW_ID } from '../src/core/domain/pelibatan/involvementDecisions';
import { roleName } from '../src/core/domain/pengajuan/roleName';

const Chosen = { timId: z.string(), pegawaiId: z.string() };
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_UNIT'), timId: z.string() }),
  z.object({ step: z.literal('CHOOSE_UNIT'), timId: z.string() }),
  z.object({ step: z.literal('CHOOSE_PERSON'), timId: z.string(), unitId: z.string() }),
  z.object({ step: z.literal('ASK_MAKSUD'), ...Chosen }),
  z.object({ step: z.literal('ASK_KOMPETENSI'), ...Chosen, maksudTujuan: z.string() }),
  z.object({ step: z.literal('ASK_EKSPEKTASI'), ...Chosen, maksudTujuan: z.string(), kompetensi: z.string() }),
  z.object({ step: z.literal('ASK_END'), ...Chosen, maksudTujuan: z.string(), kompetensi: z.string(), ekspektasi: z.string() }),
  z.object({ step: z.literal('CONFIRM'), ...Chosen, maksudTujuan: z.string(), kompetensi: z.string(), ekspektasi: z.string(), selesai: z.string() }),
]);
type State = z.infer<typeof StateSchema>;
type Draft = Extract<State, { step: 'ASK_END' }>;

const MIN_ANSWER = 10;
const cancelButton = { label: label('umum.batal'), action: 'batal' };

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

async function person(ctx: FlowContext, pegawaiId: string) {
  return ctx.tx.pegawai.findFirstOrThrow({ where: { id: pegawaiId, instansiId: ctx.actor.instansiId }, include: { homeUnit: true } });
}

/** The team's own text as a one-press answer, where the team has one. */
function teamAnswer(value: string | null, action: string) {
  return value ? [[{ label: label('pelibatan.pakaiDataTim', { isi: value.slice(0, 60) }), action }]] : [];
}

async function confirm(ctx: FlowContext, draft: Draft, selesai: string) {
  const tim = await involvementTeam(ctx, draft.timId);
  const asked = await person(ctx, draft.pegawaiId);
  const { workflow } = await involvementRoute(ctx, tim, asked);
  const [first] = await chainHolders(ctx.tx, workflow, asked.id);
  const holder = first?.assigneeId ? await person(ctx, first.assigneeId) : null;
  ctx.reply(choice('pelibatan.konfirmasi', [[{ label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' }, cancelButton]], {
    nama: asked.name, unit: asked.homeUnit.name, tim: tim.name, maksud: draft.maksudTujuan, kompetensi: draft.kompetensi, ekspektasi: draft.ekspektasi,
    selesai: formatDate(zonedMidnight(selesai, ctx.actor.timeZone), ctx.actor.timeZone), penerima: holder?.name ?? '-',
    peran: first ? roleName(first.performer, ctx.actor.locale) : '-', citation: workflow.citation,
  }));
  return { next: { ...draft, step: 'CONFIRM' as const, selesai } };
}

export const permohonanPelibatan = defineFlow<State>({
  id: PELIBATAN_FLOW_ID,
  version: 1,
  command: 'mintapegawai',
  descriptionKey: 'pelibatan.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await involvementTeams(ctx)).length > 0,
  refusal: { rule: 'WF-2', key: 'pelibatan.tidakTersedia' },
  async start(ctx) {
    const teams = await involvementTeams(ctx);
    ctx.reply(choice('pelibatan.pilihTim', [...teams.map((t) => [{ label: label('grup.tombolTim', { nama: t.name }), action: 'tim', args: { timId: t.id } }]), [cancelButton]]));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        if (press.action !== 'tim') return cancel(ctx);
        const tim = await involvementTeam(ctx, press.args.timId ?? '');
        ctx.reply(text('pelibatan.tanyaUnit', { tim: tim.name }));
        return { next: { step: 'ASK_UNIT', timId: tim.id } };
      },
    },
    ASK_UNIT: {
      async text(ctx, state, input) {
        return searchUnits(ctx, state.timId, input);
      },
    },
    CHOOSE_UNIT: {
      async button(ctx, state, press) {
        if (press.action !== 'unit') return cancel(ctx);
        const tim = await involvementTeam(ctx, state.timId);
        const people = await involvementCandidates(ctx, tim, press.args.unitId ?? '');
        if (people.length === 0) return cancel(ctx);
        const rows = people.map((p) => [{ label: label('individu.tombolOrang', { nama: p.name, unit: p.jabatan }), action: 'orang', args: { pegawaiId: p.id } }]);
        ctx.reply(choice('pelibatan.pilihOrang', [...rows, [cancelButton]], { unit: people[0]!.homeUnit.name }));
        return { next: { step: 'CHOOSE_PERSON', timId: state.timId, unitId: press.args.unitId! } };
      },
      // Another search instead of a press.
      async text(ctx, state, input) {
        return searchUnits(ctx, state.timId, input);
      },
    },
    CHOOSE_PERSON: {
      async button(ctx, state, press) {
        if (press.action !== 'orang') return cancel(ctx);
        const tim = await involvementTeam(ctx, state.timId);
        const asked = (await involvementCandidates(ctx, tim, state.unitId)).find((p) => p.id === press.args.pegawaiId);
        if (!asked) return cancel(ctx);
        // The scope decides the chain: refused here, before the head writes the request, where the profile does not let them ask.
        await involvementRoute(ctx, tim, asked);
        ctx.reply(choice('pelibatan.tanyaMaksud', [...teamAnswer(tim.maksudTujuan, 'maksudTim'), [cancelButton]], { nama: asked.name, tim: tim.name }));
        return { next: { step: 'ASK_MAKSUD', timId: tim.id, pegawaiId: asked.id } };
      },
    },
    ASK_MAKSUD: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_ANSWER, 'pelibatan.jawabanTerlaluPendek')) return { stay: true };
        return askKompetensi(ctx, state, input.trim());
      },
      async button(ctx, state, press) {
        const tim = await involvementTeam(ctx, state.timId);
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
        const tim = await involvementTeam(ctx, state.timId);
        if (press.action !== 'kompetensiTim' || !tim.kompetensi) return cancel(ctx);
        return askEkspektasi(ctx, state, tim.kompetensi);
      },
    },
    ASK_EKSPEKTASI: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_ANSWER, 'pelibatan.jawabanTerlaluPendek')) return { stay: true };
        const tim = await involvementTeam(ctx, state.timId);
        const teamEnd = formatDate(tim.endsOn, ctx.actor.timeZone);
        ctx.reply(choice('pelibatan.tanyaSelesai', [[{ label: label('penunjukan.sampaiAkhirTim', { selesai: teamEnd }), action: 'selesai', args: { selesai: zonedDate(tim.endsOn, ctx.actor.timeZone) } }], [cancelButton]], { selesai: teamEnd }));
        return { next: { ...state, step: 'ASK_END', ekspektasi: input.trim() } };
      },
    },
    ASK_END: {
      async text(ctx, state, input) {
        const tim = await involvementTeam(ctx, state.timId);
        if (!validLastDay(input.trim(), ctx.now, tim.endsOn, ctx.actor.timeZone)) {
          ctx.reply(text('penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, ctx.actor.timeZone) }));
          return { stay: true };
        }
        return confirm(ctx, state, input.trim());
      },
      async button(ctx, state, press) {
        const tim = await involvementTeam(ctx, state.timId);
        if (press.action !== 'selesai' || !validLastDay(press.args.selesai ?? '', ctx.now, tim.endsOn, ctx.actor.timeZone)) return cancel(ctx);
        return confirm(ctx, state, press.args.selesai!);
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'kirim') return cancel(ctx);
        const { penugasan, person: asked, firstHolder, firstPerformer } = await requestInvolvement(ctx, state);
        ctx.reply(text('pelibatan.terkirim', { nomor: penugasan.number, nama: asked.name, penerima: firstHolder.name, peran: roleName(firstPerformer, ctx.actor.locale) }));
        return { end: true };
      },
    },
  },
  actions: {
    async tetapkanSk(ctx, args) {
      await decreeTeam(ctx, args.penugasanId ?? '');
    },
  },
});

async function searchUnits(ctx: FlowContext, timId: string, input: string) {
  const units = await unitsMatching(ctx, timId, input);
  if (units.length === 0) {
    ctx.reply(text('pelibatan.unitTidakDitemukan', { cari: input.trim() }));
    return { stay: true } as const;
  }
  const rows = units.map((u) => [{ label: label('pengajuan.tombolTim', { nama: u.name, unit: u.perangkatDaerah.name }), action: 'unit', args: { unitId: u.id } }]);
  ctx.reply(choice('pelibatan.pilihUnit', [...rows, [cancelButton]]));
  return { next: { step: 'CHOOSE_UNIT' as const, timId } };
}

async function askKompetensi(ctx: FlowContext, state: Extract<State, { step: 'ASK_MAKSUD' }>, maksudTujuan: string) {
  const tim = await involvementTeam(ctx, state.timId);
  ctx.reply(choice('pelibatan.tanyaKompetensi', [...teamAnswer(tim.kompetensi, 'kompetensiTim'), [cancelButton]]));
  return { next: { ...state, step: 'ASK_KOMPETENSI' as const, maksudTujuan } };
}

async function askEkspektasi(ctx: FlowContext, state: Extract<State, { step: 'ASK_KOMPETENSI' }>, kompetensi: string) {
  ctx.reply(text('pelibatan.tanyaEkspektasi', { nama: (await person(ctx, state.pegawaiId)).name }));
  return { next: { ...state, step: 'ASK_EKSPEKTASI' as const, kompetensi } };
}
