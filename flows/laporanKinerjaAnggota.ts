// WF-7 T6 / R5 (domain-spec §3.7): the ketua tim reports a member's results, as input for the
// member's appraisal, to the addressees the instansi's profile names.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { submitMemberPerformance } from '../src/core/domain/laporan/submitMemberPerformance';
import { teamsLedBy } from '../src/core/domain/tim/teamsLedBy';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('CHOOSE_MEMBER') }),
  z.object({ step: z.literal('ASK_SUMMARY'), timId: z.string(), memberId: z.string(), memberName: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_SUMMARY = 20;

export const laporanKinerjaAnggota = defineFlow<State>({
  id: 'laporan-kinerja-anggota',
  version: 1,
  command: 'kinerjaanggota',
  descriptionKey: 'laporanKinerja.perintah',
  state: StateSchema,
  availableTo: async (ctx) => (await teamsLedBy(ctx)).some((tim) => tim.memberships.length > 0),
  async start(ctx) {
    const teams = await teamsLedBy(ctx);
    const rows = teams.flatMap((tim) => tim.memberships.map((m) => [{
      label: label('laporanKinerja.tombolAnggota', { nama: m.pegawai.name, tim: tim.name }), action: 'pilih', args: { timId: tim.id, memberId: m.pegawaiId },
    }]));
    ctx.reply(choice('laporanKinerja.pilihAnggota', [...rows, [{ label: label('umum.batal'), action: 'batal' }]]));
    return { next: { step: 'CHOOSE_MEMBER' } };
  },
  steps: {
    CHOOSE_MEMBER: {
      async button(ctx, _state, press) {
        const tim = (await teamsLedBy(ctx)).find((team) => team.id === press.args.timId);
        const member = tim?.memberships.find((m) => m.pegawaiId === press.args.memberId);
        if (press.action !== 'pilih' || !tim || !member) {
          ctx.reply(text('percakapan.dibatalkan'));
          return { end: true };
        }
        ctx.reply(text('laporanKinerja.tulisRingkasan', { nama: member.pegawai.name, tim: tim.name }));
        return { next: { step: 'ASK_SUMMARY', timId: tim.id, memberId: member.pegawaiId, memberName: member.pegawai.name } };
      },
    },
    ASK_SUMMARY: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_SUMMARY, 'laporanKinerja.ringkasanTerlaluPendek')) return { stay: true };
        const result = await submitMemberPerformance(ctx, { timId: state.timId, memberId: state.memberId, ringkasan: input.trim() });
        ctx.reply(text('laporanKinerja.terkirim', { nama: result.memberName, penerima: result.recipientNames.join(', ') }));
        return { end: true };
      },
    },
  },
});
