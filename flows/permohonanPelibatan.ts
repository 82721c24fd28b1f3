// WF-2 (domain-spec §3.2): the owner unit's head asks another unit for one of its officials, or
// for a number of them that the unit nominates, with the four items of a permohonan pelibatan. The
// chain's approvers answer with the buttons of pengajuanSukarela (the same approval steps), a unit
// asked for a number answers in permintaanPegawai, and in Lamandau the head then issues the SK Tim Kerja.
import { z } from 'zod';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedMidnight } from '../src/core/domain/zonedTime';
import { involvementCandidates, involvementTeam, involvementTeams, unitsMatching } from '../src/core/domain/pelibatan/involvementChoices';
import { involvementRoute, requestInvolvement } from '../src/core/domain/pelibatan/requestInvolvement';
import { chainHolders } from '../src/core/domain/pelibatan/involvementParties';
import { decreeTeam, PELIBATAN_FLOW_ID } from '../src/core/domain/pelibatan/involvementDecisions';
import { requestFromUnit } from '../src/core/domain/permintaan/requestFromUnit';
import { unitHolder, unitRole } from '../src/core/domain/permintaan/unitRequestDetails';
import { roleName } from '../src/core/domain/pengajuan/roleName';
import { cancel, cancelButton, requestItemSteps, teamAnswer, type AskEnd } from './permohonanItems';

// One named official (pegawaiId), or a number of a unit's officials the unit nominates (unitId, jumlah).
const ChosenFields = { timId: z.string(), pegawaiId: z.string().optional(), unitId: z.string().optional(), jumlah: z.number().int().positive().optional() };
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_UNIT'), timId: z.string() }),
  z.object({ step: z.literal('CHOOSE_UNIT'), timId: z.string() }),
  z.object({ step: z.literal('CHOOSE_PERSON'), timId: z.string(), unitId: z.string() }),
  z.object({ step: z.literal('ASK_JUMLAH'), timId: z.string(), unitId: z.string() }),
  z.object({ step: z.literal('ASK_MAKSUD'), ...ChosenFields }),
  z.object({ step: z.literal('ASK_KOMPETENSI'), ...ChosenFields, maksudTujuan: z.string() }),
  z.object({ step: z.literal('ASK_EKSPEKTASI'), ...ChosenFields, maksudTujuan: z.string(), kompetensi: z.string() }),
  z.object({ step: z.literal('ASK_END'), ...ChosenFields, maksudTujuan: z.string(), kompetensi: z.string(), ekspektasi: z.string() }),
  z.object({ step: z.literal('CONFIRM'), ...ChosenFields, maksudTujuan: z.string(), kompetensi: z.string(), ekspektasi: z.string(), selesai: z.string() }),
]);
type State = z.infer<typeof StateSchema>;
type Chosen = { timId: string; pegawaiId?: string; unitId?: string; jumlah?: number };

async function person(ctx: FlowContext, pegawaiId: string) {
  return ctx.tx.pegawai.findFirstOrThrow({ where: { id: pegawaiId, instansiId: ctx.actor.instansiId }, include: { homeUnit: true } });
}

async function confirm(ctx: FlowContext, draft: AskEnd<Chosen>, selesai: string) {
  if (!draft.pegawaiId) return confirmUnit(ctx, draft, selesai);
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

async function confirmUnit(ctx: FlowContext, draft: AskEnd<Chosen>, selesai: string) {
  if (!draft.unitId || !draft.jumlah) return cancel(ctx);
  const tim = await involvementTeam(ctx, draft.timId);
  const unit = await ctx.tx.unitOrganisasi.findFirstOrThrow({ where: { id: draft.unitId, instansiId: ctx.actor.instansiId } });
  const { workflow } = await involvementRoute(ctx, tim, { homeUnitId: unit.id });
  const performer = unitRole(workflow.steps[0]!.performer);
  const holderId = await unitHolder(ctx.tx, performer, unit.id);
  const holder = holderId ? await person(ctx, holderId) : null;
  ctx.reply(choice('permintaan.konfirmasi', [[{ label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' }, cancelButton]], {
    jumlah: draft.jumlah, unit: unit.name, tim: tim.name, maksud: draft.maksudTujuan, kompetensi: draft.kompetensi, ekspektasi: draft.ekspektasi,
    selesai: formatDate(zonedMidnight(selesai, ctx.actor.timeZone), ctx.actor.timeZone), penerima: holder?.name ?? '-',
    peran: roleName(performer, ctx.actor.locale), citation: workflow.citation,
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
        const byUnit = [{ label: label('permintaan.tombolUnitMenunjuk'), action: 'jumlah' }];
        ctx.reply(choice('pelibatan.pilihOrang', [...rows, byUnit, [cancelButton]], { unit: people[0]!.homeUnit.name }));
        return { next: { step: 'CHOOSE_PERSON', timId: state.timId, unitId: press.args.unitId! } };
      },
      // Another search instead of a press.
      async text(ctx, state, input) {
        return searchUnits(ctx, state.timId, input);
      },
    },
    CHOOSE_PERSON: {
      async button(ctx, state, press) {
        if (press.action === 'jumlah') {
          const tim = await involvementTeam(ctx, state.timId);
          const people = await involvementCandidates(ctx, tim, state.unitId);
          // Refused here, before the head writes the request, where the profile does not let them ask this unit.
          await involvementRoute(ctx, tim, { homeUnitId: state.unitId });
          ctx.reply(text('permintaan.tanyaJumlah', { unit: people[0]?.homeUnit.name ?? '-', paling: people.length }));
          return { next: { step: 'ASK_JUMLAH', timId: state.timId, unitId: state.unitId } };
        }
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
    ASK_JUMLAH: {
      async text(ctx, state, input) {
        const tim = await involvementTeam(ctx, state.timId);
        const people = await involvementCandidates(ctx, tim, state.unitId);
        const jumlah = Number(input.trim());
        if (!Number.isInteger(jumlah) || jumlah < 1 || jumlah > people.length) {
          ctx.reply(text('permintaan.jumlahTidakSah', { paling: people.length }));
          return { stay: true };
        }
        ctx.reply(choice('permintaan.tanyaMaksud', [...teamAnswer(tim.maksudTujuan, 'maksudTim'), [cancelButton]], { jumlah, unit: people[0]!.homeUnit.name, tim: tim.name }));
        return { next: { step: 'ASK_MAKSUD', timId: tim.id, unitId: state.unitId, jumlah } };
      },
    },
    ...requestItemSteps<Chosen, State>({
      team: (ctx, state) => involvementTeam(ctx, state.timId),
      ekspektasiQuestion: async (ctx, state) => (state.pegawaiId
        ? text('pelibatan.tanyaEkspektasi', { nama: (await person(ctx, state.pegawaiId)).name })
        : text('permintaan.tanyaEkspektasi', { jumlah: state.jumlah! })),
      confirm,
    }),
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'kirim') return cancel(ctx);
        if (!state.pegawaiId) {
          if (!state.unitId || !state.jumlah) return cancel(ctx);
          const { request, decider } = await requestFromUnit(ctx, { ...state, unitId: state.unitId, jumlah: state.jumlah });
          ctx.reply(text('permintaan.terkirim', { nomor: request.number, jumlah: request.jumlah, penerima: decider.name, peran: roleName(request.performer, ctx.actor.locale) }));
          return { end: true };
        }
        const { penugasan, person: asked, firstHolder, firstPerformer } = await requestInvolvement(ctx, { ...state, pegawaiId: state.pegawaiId });
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
