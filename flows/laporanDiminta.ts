// R4 (domain-spec §3.7 T4): the head of the unit that owns a team's work asks its ketua (or a
// member, where the profile allows) for a report by a deadline; the answer comes back to them.
import { z } from 'zod';
import { teamRows } from '../src/core/domain/tim/teamRows';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { t } from '../src/core/catalog/t';
import {
  answerRequest, askableMembers, deadlineOptions, openRequest, REQUESTED_FLOW_ID, requestReport, teamsActorMayAsk,
} from '../src/core/domain/laporan/requestedReport';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('CHOOSE_ADDRESSEE'), timId: z.string() }),
  z.object({ step: z.literal('CHOOSE_DEADLINE'), timId: z.string(), addresseeId: z.string() }),
  z.object({ step: z.literal('ASK_TOPIC'), timId: z.string(), addresseeId: z.string(), dueAt: z.string() }),
  z.object({ step: z.literal('ASK_ANSWER'), laporanId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_TEXT = 5;

export const laporanDiminta = defineFlow<State>({
  id: REQUESTED_FLOW_ID,
  version: 1,
  command: 'mintalaporan',
  descriptionKey: 'diminta.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsActorMayAsk(ctx)).length > 0,
  async start(ctx) {
    const teams = await teamsActorMayAsk(ctx);
    ctx.reply(choice('diminta.pilihTim', teamRows(teams)));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        const { tim, members } = await askableMembers(ctx, press.args.timId ?? '');
        ctx.reply(choice('diminta.pilihPenerima', members.map((m) => [{
          label: label('diminta.tombolPenerima', { nama: m.pegawai.name, peran: t(ctx.actor.locale, m.role === 'KETUA' ? 'diminta.peran.KETUA' : 'diminta.peran.ANGGOTA') }),
          action: 'pilih', args: { pegawaiId: m.pegawaiId },
        }])));
        return { next: { step: 'CHOOSE_ADDRESSEE', timId: tim.id } };
      },
    },
    CHOOSE_ADDRESSEE: {
      async button(ctx, state, press) {
        const options = deadlineOptions(ctx.now, ctx.actor.timeZone);
        ctx.reply(choice('diminta.pilihBatas', options.map((o) => [{ label: label(o.key), action: 'batas', args: { at: o.at.toISOString() } }])));
        return { next: { step: 'CHOOSE_DEADLINE', timId: state.timId, addresseeId: press.args.pegawaiId ?? '' } };
      },
    },
    CHOOSE_DEADLINE: {
      async button(ctx, state, press) {
        ctx.reply(text('diminta.tulisTopik'));
        return { next: { step: 'ASK_TOPIC', timId: state.timId, addresseeId: state.addresseeId, dueAt: press.args.at ?? '' } };
      },
    },
    ASK_TOPIC: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        await requestReport(ctx, { timId: state.timId, addresseeId: state.addresseeId, dueAt: new Date(state.dueAt), topik: input.trim() });
        return { end: true };
      },
    },
    ASK_ANSWER: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_TEXT, 'laporan.umpanBalikTerlaluPendek')) return { stay: true };
        await answerRequest(ctx, state.laporanId, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    async jawab(ctx, args) {
      const { laporan } = await openRequest(ctx, args.laporanId ?? '');
      if (laporan.status !== 'REQUESTED') {
        ctx.reply(text('diminta.sudahDijawab'));
        return;
      }
      ctx.reply(text('diminta.tulisJawaban'));
      return { next: { step: 'ASK_ANSWER', laporanId: laporan.id } };
    },
  },
});
