// A request for officials that another government served by this deployment sent us (WF-3
// mirrored, domain-spec §3.3): our PyB decides and instructs a unit, the unit's head names the
// officials or says none is available, the PyB approves the answer, the head issues the surat
// penugasan. Each step is a button on the card of whoever holds it; the stages are our profile's.
import { z } from 'zod';
import { answerTooShort } from '../src/core/engine/answerTooShort';
import { defineFlow, type FlowContext } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { MASUK_FLOW_ID } from '../src/core/domain/lintasInstansi/inboundCard';
import {
  answerCandidates, answeringUnits, answerInbound, decideInbound, instructUnit, issueInbound, openInbound,
} from '../src/core/domain/lintasInstansi/inboundDecisions';
import { cancel, cancelButton } from './permohonanItems';
import { officialLines, pickOfficials } from './pickOfficials';

// `versi`: the card's step count, so a stale card never acts on a later answer.
const Id = { pelibatanId: z.string(), versi: z.string() };
const StateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('ASK_REASON'), ...Id }),
  z.object({ step: z.literal('ASK_UNIT'), ...Id }),
  z.object({ step: z.literal('CHOOSE_UNIT'), ...Id }),
  z.object({ step: z.literal('ASK_OFFICIALS'), ...Id }),
  z.object({ step: z.literal('CONFIRM_OFFICIALS'), ...Id, pegawaiIds: z.array(z.string()) }),
  z.object({ step: z.literal('ASK_UNAVAILABLE'), ...Id }),
]);
type State = z.infer<typeof StateSchema>;

const MIN_REASON = 10;

function moved(ctx: FlowContext) {
  ctx.reply(text('persetujuan.sudahDiputuskan'));
  return { end: true } as const;
}

export const permohonanMasuk = defineFlow<State>({
  id: MASUK_FLOW_ID,
  version: 1,
  state: StateSchema,
  steps: {
    ASK_REASON: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        const open = await openInbound(ctx, state.pelibatanId, 'PUTUSAN', state.versi);
        if (!open) return moved(ctx);
        await decideInbound(ctx, open, { approved: false, reason: input.trim() });
        return { end: true };
      },
    },
    ASK_UNIT: {
      async text(ctx, state, input) {
        return searchUnits(ctx, state, input);
      },
    },
    CHOOSE_UNIT: {
      async button(ctx, state, press) {
        if (press.action !== 'unit') return cancel(ctx);
        const open = await openInbound(ctx, state.pelibatanId, 'TUNJUK_UNIT', state.versi);
        if (!open) return moved(ctx);
        await instructUnit(ctx, open, press.args.unitId ?? '');
        return { end: true };
      },
      async text(ctx, state, input) {
        return searchUnits(ctx, state, input);
      },
    },
    ASK_OFFICIALS: {
      async text(ctx, state, input) {
        const open = await openInbound(ctx, state.pelibatanId, 'JAWAB', state.versi);
        if (!open) return moved(ctx);
        const candidates = await answerCandidates(ctx, open.details);
        const chosen = pickOfficials(ctx, input, candidates, open.details.jumlah);
        if (!chosen) return { stay: true };
        ctx.reply(choice('lintas.konfirmasiPegawai', [[{ label: label('pengajuan.kirim'), action: 'kirim', style: 'primary' }, cancelButton]], {
          nomor: open.inbound.number, daftar: officialLines(chosen),
        }));
        return { next: { step: 'CONFIRM_OFFICIALS', pelibatanId: state.pelibatanId, versi: state.versi, pegawaiIds: chosen.map((p) => p.id) } };
      },
    },
    CONFIRM_OFFICIALS: {
      async button(ctx, state, press) {
        if (press.action !== 'kirim') return cancel(ctx);
        const open = await openInbound(ctx, state.pelibatanId, 'JAWAB', state.versi);
        if (!open) return moved(ctx);
        await answerInbound(ctx, open, { pegawaiIds: state.pegawaiIds });
        return { end: true };
      },
    },
    ASK_UNAVAILABLE: {
      async text(ctx, state, input) {
        if (answerTooShort(ctx, input, MIN_REASON, 'persetujuan.alasanTerlaluPendek')) return { stay: true };
        const open = await openInbound(ctx, state.pelibatanId, 'JAWAB', state.versi);
        if (!open) return moved(ctx);
        await answerInbound(ctx, open, { alasan: input.trim() });
        return { end: true };
      },
    },
  },
  actions: {
    async setujui(ctx, args) {
      const open = await openInbound(ctx, args.pelibatanId ?? '', 'PUTUSAN', args.versi ?? '');
      if (!open) return moved(ctx);
      await decideInbound(ctx, open, { approved: true });
    },
    async tolak(ctx, args) {
      const open = await openInbound(ctx, args.pelibatanId ?? '', 'PUTUSAN', args.versi ?? '');
      if (!open) return moved(ctx);
      ctx.reply(text('persetujuan.mintaAlasan', { nomor: open.inbound.number }));
      return { next: { step: 'ASK_REASON', pelibatanId: open.inbound.id, versi: args.versi! } };
    },
    async pilihUnit(ctx, args) {
      const open = await openInbound(ctx, args.pelibatanId ?? '', 'TUNJUK_UNIT', args.versi ?? '');
      if (!open) return moved(ctx);
      ctx.reply(text('lintas.tanyaUnitJawab', { nomor: open.inbound.number }));
      return { next: { step: 'ASK_UNIT', pelibatanId: open.inbound.id, versi: args.versi! } };
    },
    async tunjukPegawai(ctx, args) {
      const open = await openInbound(ctx, args.pelibatanId ?? '', 'JAWAB', args.versi ?? '');
      if (!open) return moved(ctx);
      const candidates = await answerCandidates(ctx, open.details);
      if (candidates.length === 0) {
        ctx.reply(text('lintas.tanpaKandidat'));
        return;
      }
      const unit = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: open.details.unitId! } });
      ctx.reply(text('lintas.daftarKandidat', {
        unit: unit.name, nomor: open.inbound.number, jumlah: open.details.jumlah,
        daftar: candidates.map((p, i) => `${i + 1}. ${p.name} (${p.jabatan})`).join('\n'),
      }));
      return { next: { step: 'ASK_OFFICIALS', pelibatanId: open.inbound.id, versi: args.versi! } };
    },
    async tidakTersedia(ctx, args) {
      const open = await openInbound(ctx, args.pelibatanId ?? '', 'JAWAB', args.versi ?? '');
      if (!open) return moved(ctx);
      ctx.reply(text('lintas.mintaAlasanTidakTersedia'));
      return { next: { step: 'ASK_UNAVAILABLE', pelibatanId: open.inbound.id, versi: args.versi! } };
    },
    async terbitkan(ctx, args) {
      const open = await openInbound(ctx, args.pelibatanId ?? '', 'TERBITKAN', args.versi ?? '');
      if (!open) return moved(ctx);
      await issueInbound(ctx, open);
    },
  },
});

async function searchUnits(ctx: FlowContext, state: { pelibatanId: string; versi: string }, input: string) {
  const units = await answeringUnits(ctx, input);
  if (units.length === 0) {
    ctx.reply(text('lintas.unitMasukTidakAda', { cari: input.trim() }));
    return { stay: true } as const;
  }
  const rows = units.map((u) => [{ label: label('pengajuan.tombolTim', { nama: u.name, unit: u.perangkatDaerah.name }), action: 'unit', args: { unitId: u.id } }]);
  ctx.reply(choice('lintas.pilihUnitMasuk', [...rows, [cancelButton]]));
  return { next: { step: 'CHOOSE_UNIT' as const, pelibatanId: state.pelibatanId, versi: state.versi } };
}
