// WF-1 (domain-spec §3.1): the profile's issuer designates a functional official or pelaksana of
// the unit into a team; the assignee accepts or objects with the buttons of pengajuanSukarela.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { Refused } from '../src/core/errors';
import { choice, label, text } from '../src/core/messages';
import { designateMember, designationCandidates, designationTeams } from '../src/core/domain/penunjukan/designateMember';
import { getPolicyProfile } from '../src/core/policy/policyProfile';
import { formatDate } from '../src/core/domain/formatTime';
import { zonedDate, zonedMidnight } from '../src/core/domain/zonedTime';
import { validLastDay } from '../src/core/domain/penunjukan/lastDay';
import { isProposal, issuingPenilai } from '../src/core/domain/penunjukan/proposeMember';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('CHOOSE_PERSON'), timId: z.string() }),
  z.object({ step: z.literal('ASK_EKSPEKTASI'), timId: z.string(), pegawaiId: z.string() }),
  z.object({ step: z.literal('ASK_END'), timId: z.string(), pegawaiId: z.string(), ekspektasi: z.string() }),
  // selesai: the last day, TTTT-BB-HH; absent in a conversation saved before the period was asked: the team's end.
  z.object({ step: z.literal('CONFIRM'), timId: z.string(), pegawaiId: z.string(), ekspektasi: z.string(), selesai: z.string().optional() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_EKSPEKTASI = 10;
const cancelButton = { label: label('umum.batal'), action: 'batal' };

function cancel(ctx: FlowContext) {
  ctx.reply(text('percakapan.dibatalkan'));
  return { end: true } as const;
}

async function chosen(ctx: FlowContext, timId: string, pegawaiId: string) {
  const { tim, people } = await designationCandidates(ctx, timId);
  return { tim, person: people.find((p) => p.id === pegawaiId) };
}

async function confirm(ctx: FlowContext, state: { timId: string; pegawaiId: string; ekspektasi: string }, selesai: string) {
  const { tim, person } = await chosen(ctx, state.timId, state.pegawaiId);
  const rule = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  if (!person) throw new Refused('C1', 'penunjukan.bukanKandidat', { citation: rule.subjek.citation });
  if (!validLastDay(selesai, ctx.now, tim.endsOn, ctx.actor.timeZone)) return cancel(ctx);
  const shown = { nama: person.name, tim: tim.name, ekspektasi: state.ekspektasi, selesai: formatDate(zonedMidnight(selesai, ctx.actor.timeZone), ctx.actor.timeZone) };
  // Tulang Bawang Barat: a unit head who does not appraise the official proposes; the Penilai issues.
  const penilai = isProposal(ctx.actor.policyProfile, ctx.actor.id, person) ? await issuingPenilai(ctx, person) : null;
  ctx.reply(penilai
    ? choice('penunjukan.konfirmasiUsulan', [[{ label: label('penunjukan.kirimUsulan'), action: 'terbitkan', style: 'primary' }, cancelButton]], { ...shown, penilai: penilai.name, citation: rule.usulan!.citation })
    : choice('penunjukan.konfirmasi', [[{ label: label('penunjukan.terbitkan'), action: 'terbitkan', style: 'primary' }, cancelButton]], { ...shown, citation: rule.citation }));
  return { next: { step: 'CONFIRM' as const, timId: state.timId, pegawaiId: state.pegawaiId, ekspektasi: state.ekspektasi, selesai } };
}

export const penunjukan = defineFlow<State>({
  id: 'penunjukan',
  version: 1,
  command: 'tunjuk',
  descriptionKey: 'penunjukan.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await designationTeams(ctx)).length > 0,
  async start(ctx) {
    const teams = await designationTeams(ctx);
    ctx.reply(choice('penunjukan.pilihTim', [...teams.map((t) => [{ label: label('grup.tombolTim', { nama: t.name }), action: 'tim', args: { timId: t.id } }]), [cancelButton]]));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        if (press.action !== 'tim') return cancel(ctx);
        const { tim, people } = await designationCandidates(ctx, press.args.timId ?? '');
        if (people.length === 0) {
          ctx.reply(text('penunjukan.tidakAdaKandidat', { unit: tim.ownerUnit.name }));
          return { end: true };
        }
        const rows = people.map((p) => [{ label: label('grup.tombolTim', { nama: p.name }), action: 'orang', args: { pegawaiId: p.id } }]);
        ctx.reply(choice('penunjukan.pilihOrang', [...rows, [cancelButton]], { unit: tim.ownerUnit.name }));
        return { next: { step: 'CHOOSE_PERSON', timId: tim.id } };
      },
    },
    CHOOSE_PERSON: {
      async button(ctx, state, press) {
        if (press.action !== 'orang') return cancel(ctx);
        const { tim, person } = await chosen(ctx, state.timId, press.args.pegawaiId ?? '');
        if (!person) return cancel(ctx);
        ctx.reply(text('penunjukan.tanyaEkspektasi', { nama: person.name, tim: tim.name }));
        return { next: { step: 'ASK_EKSPEKTASI', timId: tim.id, pegawaiId: person.id } };
      },
    },
    ASK_EKSPEKTASI: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_EKSPEKTASI, 'penunjukan.ekspektasiTerlaluPendek')) return { stay: true };
        const { tim } = await chosen(ctx, state.timId, state.pegawaiId);
        const teamEnd = zonedDate(tim.endsOn, ctx.actor.timeZone);
        ctx.reply(choice('penunjukan.tanyaSelesai', [[{ label: label('penunjukan.sampaiAkhirTim', { selesai: formatDate(tim.endsOn, ctx.actor.timeZone) }), action: 'selesai', args: { selesai: teamEnd } }], [cancelButton]], {
          tim: tim.name, selesai: formatDate(tim.endsOn, ctx.actor.timeZone),
        }));
        return { next: { ...state, step: 'ASK_END', ekspektasi: input.trim() } };
      },
    },
    ASK_END: {
      async text(ctx, state, input) {
        const { tim } = await chosen(ctx, state.timId, state.pegawaiId);
        const selesai = input.trim();
        if (!validLastDay(selesai, ctx.now, tim.endsOn, ctx.actor.timeZone)) {
          ctx.reply(text('penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, ctx.actor.timeZone) }));
          return { stay: true };
        }
        return confirm(ctx, state, selesai);
      },
      async button(ctx, state, press) {
        if (press.action !== 'selesai') return cancel(ctx);
        return confirm(ctx, state, press.args.selesai ?? '');
      },
    },
    CONFIRM: {
      async button(ctx, state, press) {
        if (press.action !== 'terbitkan') return cancel(ctx);
        await designateMember(ctx, { timId: state.timId, pegawaiId: state.pegawaiId, ekspektasi: state.ekspektasi, ...(state.selesai ? { selesai: state.selesai } : {}) });
        return { end: true };
      },
    },
  },
});
