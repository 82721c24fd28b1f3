// WF-2 without a named official: the unit asked for a number of its officials answers on the
// card it received. Its head (or their Plh) lists the unit's officials, types the numbers of
// those nominated and confirms, or refuses with a written reason. The requester withdraws here too.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { PERMINTAAN_FLOW_ID } from '../src/core/domain/permintaan/unitRequestDetails';
import { openUnitRequest } from '../src/core/domain/permintaan/openUnitRequest';
import { nominateOfficials, nominationCandidates } from '../src/core/domain/permintaan/nominateOfficials';
import { refuseUnitRequest } from '../src/core/domain/permintaan/refuseUnitRequest';
import { withdrawUnitRequest } from '../src/core/domain/permintaan/withdrawUnitRequest';
import { cancel, cancelButton } from './permohonanItems';
import { officialLines, pickOfficials } from './pickOfficials';

const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('ASK_OFFICIALS'), permintaanId: z.string() }),
  z.object({ step: z.literal('CONFIRM_OFFICIALS'), permintaanId: z.string(), pegawaiIds: z.array(z.string()).min(1) }),
  z.object({ step: z.literal('ASK_REASON'), permintaanId: z.string() }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_REASON = 10;

function answered(ctx: FlowContext) {
  ctx.reply(text('permintaan.sudahSelesai'));
  return { end: true } as const;
}

export const permintaanPegawai = defineFlow<State>({
  id: PERMINTAAN_FLOW_ID,
  version: 1,
  state: StateSchema,
  steps: {
    ASK_OFFICIALS: {
      async text(ctx, state, input) {
        const open = await openUnitRequest(ctx, state.permintaanId);
        if (!open) return answered(ctx);
        const candidates = await nominationCandidates(ctx, open.request);
        const chosen = pickOfficials(ctx, input, candidates, open.request.jumlah);
        if (!chosen) return { stay: true };
        ctx.reply(choice('permintaan.konfirmasiPegawai', [[{ label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' }, cancelButton]], {
          nomor: open.request.number, daftar: officialLines(chosen),
        }));
        return { next: { step: 'CONFIRM_OFFICIALS', permintaanId: state.permintaanId, pegawaiIds: chosen.map((p) => p.id) } };
      },
    },
    CONFIRM_OFFICIALS: {
      async button(ctx, state, press) {
        if (press.action !== 'kirim') return cancel(ctx);
        const open = await openUnitRequest(ctx, state.permintaanId);
        if (!open) return answered(ctx);
        await nominateOfficials(ctx, open, state.pegawaiIds);
        return { end: true };
      },
    },
    ASK_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        const open = await openUnitRequest(ctx, state.permintaanId);
        if (!open) return answered(ctx);
        await refuseUnitRequest(ctx, open, input.trim());
        return { end: true };
      },
    },
  },
  actions: {
    async tunjuk(ctx, args) {
      const open = await openUnitRequest(ctx, args.permintaanId ?? '');
      if (!open) return answered(ctx);
      const candidates = await nominationCandidates(ctx, open.request);
      if (candidates.length === 0) {
        ctx.reply(text('permintaan.tanpaKandidat'));
        return;
      }
      const unit = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: open.request.targetUnitId } });
      ctx.reply(text('permintaan.daftarKandidat', {
        unit: unit.name, nomor: open.request.number, jumlah: open.request.jumlah,
        daftar: candidates.map((p, i) => `${i + 1}. ${p.name} (${p.jabatan})`).join('\n'),
      }));
      return { next: { step: 'ASK_OFFICIALS', permintaanId: open.request.id } };
    },
    async tolak(ctx, args) {
      const open = await openUnitRequest(ctx, args.permintaanId ?? '');
      if (!open) return answered(ctx);
      ctx.reply(text('permintaan.mintaAlasan', { nomor: open.request.number }));
      return { next: { step: 'ASK_REASON', permintaanId: open.request.id } };
    },
    async tarik(ctx, args) {
      await withdrawUnitRequest(ctx, args.permintaanId ?? '');
    },
  },
});
