// Issue 6 item 7: where each of my requests stands, and withdrawing one before its last decision.
import { z } from 'zod';
import { defineFlow } from '../src/core/engine/defineFlow';
import { choice, label, text } from '../src/core/messages';
import { joinParams } from '../src/core/catalog/t';
import { myRequests, withdrawRequest } from '../src/core/domain/pengajuan/myRequests';
import { PELIBATAN_FLOW_ID } from '../src/core/domain/pelibatan/involvementDecisions';
import { myAcrossRequests } from '../src/core/domain/lintasInstansi/myAcrossRequests';
import { LINTAS_FLOW_ID } from '../src/core/domain/lintasInstansi/pybCard';
import { myUnitRequests } from '../src/core/domain/permintaan/myUnitRequests';
import { PERMINTAAN_FLOW_ID } from '../src/core/domain/permintaan/unitRequestDetails';

const StateSchema = z.object({ step: z.literal('NONE') });

export const pengajuanku = defineFlow<z.infer<typeof StateSchema>>({
  id: 'pengajuanku',
  version: 1,
  command: 'pengajuanku',
  descriptionKey: 'pengajuanku.perintah',
  state: StateSchema,
  async start(ctx) {
    const requests = await myRequests(ctx);
    const across = await myAcrossRequests(ctx);
    const fromUnits = await myUnitRequests(ctx);
    if (requests.length === 0 && across.length === 0 && fromUnits.length === 0) {
      ctx.reply(text('pengajuanku.kosong'));
      return { end: true };
    }
    const daftar = joinParams([...requests, ...fromUnits, ...across].map((r) => r.line));
    const mine = { scope: 'action' as const, allowed: [ctx.actor.id] };
    const rows = [
      ...requests.filter((r) => r.open).map((r) => [{ label: label('pengajuanku.tarik', { nomor: r.number }), action: 'tarik', args: { penugasanId: r.id }, style: 'danger' as const, ...mine }]),
      // Lamandau: an approved request waits for the SK Tim Kerja; its button is offered here again.
      ...requests.filter((r) => r.awaitingDecree).map((r) => [{
        label: label('pengajuanku.tombolSk', { nomor: r.number }), action: 'tetapkanSk', args: { penugasanId: r.id }, style: 'primary' as const, flowId: PELIBATAN_FLOW_ID, ...mine,
      }]),
      ...fromUnits.filter((r) => r.open).map((r) => [{
        label: label('permintaan.tarik', { nomor: r.number }), action: 'tarik', args: { permintaanId: r.id }, style: 'danger' as const, flowId: PERMINTAAN_FLOW_ID, ...mine,
      }]),
      ...across.filter((r) => r.open).map((r) => [{
        label: label('lintas.tarik', { nomor: r.number }), action: 'tarik', args: { pelibatanId: r.id }, style: 'danger' as const, flowId: LINTAS_FLOW_ID, ...mine,
      }]),
    ];
    ctx.reply(rows.length > 0 ? choice('pengajuanku.daftar', rows, { daftar }) : text('pengajuanku.daftar', { daftar }));
    return { end: true };
  },
  steps: { NONE: {} },
  actions: {
    async tarik(ctx, args) {
      await withdrawRequest(ctx, args.penugasanId ?? '');
    },
  },
});
