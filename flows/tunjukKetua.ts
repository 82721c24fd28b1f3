// WF-11 (domain-spec §3.11): the head of the owner unit designates a (replacement) ketua tim from
// the team's members, or a structural official where the profile allows one (Magelang's pengawas;
// Karanganyar's chain: each designated by the official above); where the profile sets criteria
// (TBB: D3, III/b) an ineligible one is refused, and a ketua from outside the owner unit while an
// eligible member from it exists needs a reason (WF-6).
import { z } from 'zod';
import { teamRows } from '../src/core/domain/tim/teamRows';
import { defineFlow } from '../src/core/engine/defineFlow';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { choice, label, text } from '../src/core/messages';
import { joinParams, nested } from '../src/core/catalog/t';
import { designateKetua, eligibleCandidate, ketuaCandidates, MIN_REASON, outsiderKetua, teamsActorMayDesignate } from '../src/core/domain/tim/designateKetua';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_TEAM') }),
  z.object({ step: z.literal('CHOOSE_CANDIDATE'), timId: z.string() }),
  z.object({ step: z.literal('ASK_REASON'), timId: z.string(), pegawaiId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

export const tunjukKetua = defineFlow<State>({
  id: 'tunjuk-ketua',
  version: 1,
  command: 'tunjukketua',
  descriptionKey: 'ketua.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsActorMayDesignate(ctx)).length > 0,
  async start(ctx) {
    const teams = await teamsActorMayDesignate(ctx);
    ctx.reply(choice('ketua.pilihTim', teamRows(teams)));
    return { next: { step: 'CHOOSE_TEAM' } };
  },
  steps: {
    CHOOSE_TEAM: {
      async button(ctx, _state, press) {
        const { tim, candidates } = await ketuaCandidates(ctx, press.args.timId ?? '');
        // Who may be ketua but is someone else's to designate is named with the rule, not offered.
        const theirs = candidates.filter((m) => !m.mayDesignate).map((m) => (m.needsKeputusan
          ? nested('ketua.kandidatKeputusanBaris', { nama: m.pegawai.name, citation: m.rule.citation })
          : nested('ketua.kandidatLainBaris', { nama: m.pegawai.name, penunjuk: nested(`ketua.penunjuk.${m.rule.penunjuk}`), citation: m.rule.citation })));
        ctx.reply(choice('ketua.pilihKandidat', candidates.filter((m) => m.mayDesignate).map((m) => [{
          label: label('ketua.tombolKandidat', { nama: m.pegawai.name, pendidikan: m.pegawai.pendidikan ?? '-', golongan: m.pegawai.golongan ?? '-' }),
          action: 'pilih', args: { pegawaiId: m.pegawaiId },
        }]), { tim: tim.name, lain: theirs.length > 0 ? nested('ketua.kandidatLain', { daftar: joinParams(theirs) }) : '' }));
        return { next: { step: 'CHOOSE_CANDIDATE', timId: tim.id } };
      },
    },
    CHOOSE_CANDIDATE: {
      async button(ctx, state, press) {
        const pegawaiId = press.args.pegawaiId ?? '';
        const candidates = await ketuaCandidates(ctx, state.timId);
        const { pegawai } = eligibleCandidate(ctx, candidates, pegawaiId);
        const outsider = outsiderKetua(ctx, candidates, pegawaiId);
        if (outsider) {
          ctx.reply(text('ketua.luarUnit', { nama: pegawai.name, pemilik: outsider.pemilik, citation: outsider.citation, pilihan: outsider.pilihan.join(', ') }));
          return { next: { step: 'ASK_REASON', timId: state.timId, pegawaiId } };
        }
        await designateKetua(ctx, state.timId, pegawaiId);
        return { end: true };
      },
    },
    ASK_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'ketua.alasanTerlaluPendek')) return { stay: true };
        await designateKetua(ctx, state.timId, state.pegawaiId, input.trim());
        return { end: true };
      },
    },
  },
});
