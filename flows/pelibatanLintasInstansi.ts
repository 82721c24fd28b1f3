// WF-3 (domain-spec §3.3): the owner unit's head asks another government for officials. The
// request goes to the instansi's Pejabat yang Berwenang first, who forwards it by letter or refuses
// with a reason; Lamandau's owner then sets the team by SK Tim Kerja. The other government's steps
// are recorded with /catatsurat.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedMidnight } from '../src/core/domain/zonedTime';
import { getPolicyProfile } from '../src/core/policy/policyProfile';
import { lintasTeam, lintasTeams, otherInstansi } from '../src/core/domain/lintasInstansi/lintasChoices';
import { lintasWorkflow } from '../src/core/domain/lintasInstansi/lintasStages';
import { MAX_JUMLAH, requestAcrossInstansi } from '../src/core/domain/lintasInstansi/requestAcrossInstansi';
import { approveAcrossInstansi, openPybDecision, rejectAcrossInstansi } from '../src/core/domain/lintasInstansi/pybDecision';
import { decreeAcrossInstansi } from '../src/core/domain/lintasInstansi/lintasTeamDecree';
import { LINTAS_FLOW_ID } from '../src/core/domain/lintasInstansi/pybCard';
import { withdrawAcrossInstansi } from '../src/core/domain/lintasInstansi/withdrawAcrossInstansi';
import { forwardToOwner } from '../src/core/domain/lintasInstansi/forwardToOwner';
import { cancel, cancelButton, requestItemSteps, teamAnswer, type AskEnd } from './permohonanItems';

const Target = z.object({ name: z.string(), instansiId: z.string().optional() });
const DraftFields = { timId: z.string(), target: Target, jumlah: z.number().int() };
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('ASK_TARGET'), timId: z.string() }),
  z.object({ step: z.literal('ASK_JUMLAH'), timId: z.string(), target: Target }),
  z.object({ step: z.literal('ASK_MAKSUD'), ...DraftFields }),
  z.object({ step: z.literal('ASK_KOMPETENSI'), ...DraftFields, maksudTujuan: z.string() }),
  z.object({ step: z.literal('ASK_EKSPEKTASI'), ...DraftFields, maksudTujuan: z.string(), kompetensi: z.string() }),
  z.object({ step: z.literal('ASK_END'), ...DraftFields, maksudTujuan: z.string(), kompetensi: z.string(), ekspektasi: z.string() }),
  z.object({ step: z.literal('CONFIRM'), ...DraftFields, maksudTujuan: z.string(), kompetensi: z.string(), ekspektasi: z.string(), selesai: z.string() }),
  z.object({ step: z.literal('ASK_REASON'), pelibatanId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;
type Draft = { timId: string; target: z.infer<typeof Target>; jumlah: number };

const MIN_REASON = 10;
const MIN_TARGET_NAME = 8;

export const pelibatanLintasInstansi = defineFlow<State>({
  id: LINTAS_FLOW_ID,
  version: 1,
  command: 'mintainstansi',
  descriptionKey: 'lintas.perintah',
  state: StateSchema,
  // Where the regulation has no WF-3 (Magelang), start() answers with its rule rather than a generic refusal.
  availableTo: async (ctx) => getPolicyProfile(ctx.actor.policyProfile).penunjukan.LINTAS_INSTANSI.workflow !== 'WF-3' || (await lintasTeams(ctx)).length > 0,
  refusal: { rule: 'WF-3', key: 'lintas.tidakTersedia' },
  async start(ctx) {
    lintasWorkflow(getPolicyProfile(ctx.actor.policyProfile));
    const teams = await lintasTeams(ctx);
    ctx.reply(choice('lintas.pilihTim', [...teams.map((t) => [{ label: label('grup.tombolTim', { nama: t.name }), action: 'tim', args: { timId: t.id } }]), [cancelButton]]));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        if (press.action !== 'tim') return cancel(ctx);
        const tim = await lintasTeam(ctx, press.args.timId ?? '');
        const known = (await otherInstansi(ctx)).map((i) => [{ label: label('lintas.tombolInstansi', { nama: i.name }), action: 'instansi', args: { instansiId: i.id } }]);
        ctx.reply(choice('lintas.tanyaInstansi', [...known, [cancelButton]], { tim: tim.name }));
        return { next: { step: 'ASK_TARGET', timId: tim.id } };
      },
    },
    ASK_TARGET: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TARGET_NAME, 'lintas.namaInstansiPendek')) return { stay: true };
        const name = input.trim().replace(/\s+/g, ' ');
        // A government this deployment serves, typed rather than picked, is still the one it serves.
        const known = (await otherInstansi(ctx)).find((i) => i.name.toLowerCase() === name.toLowerCase());
        return askJumlah(ctx, state.timId, known ? { name: known.name, instansiId: known.id } : { name });
      },
      async button(ctx, state, press) {
        const known = (await otherInstansi(ctx)).find((i) => i.id === press.args.instansiId);
        if (press.action !== 'instansi' || !known) return cancel(ctx);
        return askJumlah(ctx, state.timId, { name: known.name, instansiId: known.id });
      },
    },
    ASK_JUMLAH: {
      async text(ctx, state, input) {
        const jumlah = Number(input.trim());
        if (!Number.isInteger(jumlah) || jumlah < 1 || jumlah > MAX_JUMLAH) {
          ctx.reply(text('lintas.jumlahTidakValid', { maks: MAX_JUMLAH }));
          return { stay: true };
        }
        const tim = await lintasTeam(ctx, state.timId);
        ctx.reply(choice('lintas.tanyaMaksud', [...teamAnswer(tim.maksudTujuan, 'maksudTim'), [cancelButton]], { tim: tim.name, target: state.target.name }));
        return { next: { ...state, step: 'ASK_MAKSUD', jumlah } };
      },
    },
    ...requestItemSteps<Draft, State>({
      team: (ctx, state) => lintasTeam(ctx, state.timId),
      ekspektasiQuestion: async () => text('lintas.tanyaEkspektasi'),
      confirm,
    }),
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'kirim') return cancel(ctx);
        const request = await requestAcrossInstansi(ctx, state);
        ctx.reply(text('lintas.terkirim', { nomor: request.number, target: request.targetName }));
        return { end: true };
      },
    },
    ASK_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        const decision = await openPybDecision(ctx, state.pelibatanId);
        if (decision.status === 'decided') ctx.reply(text('persetujuan.sudahDiputuskan'));
        else await rejectAcrossInstansi(ctx, decision, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    async setujui(ctx, args) {
      const decision = await openPybDecision(ctx, args.pelibatanId ?? '');
      if (decision.status === 'decided') ctx.reply(text('persetujuan.sudahDiputuskan'));
      else await approveAcrossInstansi(ctx, decision);
    },
    async tolak(ctx, args) {
      const decision = await openPybDecision(ctx, args.pelibatanId ?? '');
      if (decision.status === 'decided') {
        ctx.reply(text('persetujuan.sudahDiputuskan'));
        return;
      }
      ctx.reply(text('persetujuan.mintaAlasan', { nomor: decision.request.number }));
      return { next: { step: 'ASK_REASON', pelibatanId: decision.request.id } };
    },
    async tetapkanSk(ctx, args) {
      await decreeAcrossInstansi(ctx, args.pelibatanId ?? '');
    },
    async teruskan(ctx, args) {
      await forwardToOwner(ctx, args.pelibatanId ?? '');
    },
    async tarik(ctx, args) {
      await withdrawAcrossInstansi(ctx, args.pelibatanId ?? '');
    },
  },
});

function askJumlah(ctx: FlowContext, timId: string, target: z.infer<typeof Target>) {
  ctx.reply(text('lintas.tanyaJumlah', { target: target.name, maks: MAX_JUMLAH }));
  return { next: { step: 'ASK_JUMLAH' as const, timId, target } };
}

async function confirm(ctx: FlowContext, draft: AskEnd<Draft>, selesai: string) {
  const tim = await lintasTeam(ctx, draft.timId);
  const workflow = lintasWorkflow(getPolicyProfile(ctx.actor.policyProfile));
  ctx.reply(choice('lintas.konfirmasi', [[{ label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' }, cancelButton]], {
    tim: tim.name, target: draft.target.name, jumlah: draft.jumlah, maksud: draft.maksudTujuan, kompetensi: draft.kompetensi, ekspektasi: draft.ekspektasi,
    selesai: formatDate(zonedMidnight(selesai, ctx.actor.timeZone), ctx.actor.timeZone), citation: workflow.stages[0]!.citation,
  }));
  return { next: { ...draft, step: 'CONFIRM' as const, selesai } };
}
