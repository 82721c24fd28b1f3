import type { FlowContext } from '../../engine/defineFlow';
import { choice, label } from '../../messages';
import { PENGAJUAN_FLOW_ID } from '../pengajuan/notifyStep';
import { formatDate } from '../formatTime';

/** The designation reaches its assignee, who accepts ("Terima") or raises a keberatan (item 10, S4). */
export function offerAssignment(
  ctx: FlowContext,
  penugasan: { id: string; number: number; pegawaiId: string; endsOn: Date | null },
  shown: { pemberi: string; tim: string; ekspektasi: string; citation: string; teamEnd: Date },
): void {
  const answer = { scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID, allowed: [penugasan.pegawaiId], args: { penugasanId: penugasan.id } };
  ctx.notify(penugasan.pegawaiId, choice('penunjukan.masuk', [[
    { label: label('pengajuan.terimaPenugasan'), action: 'terimaPenugasan', style: 'primary', ...answer },
    { label: label('pengajuan.ajukanKeberatan'), action: 'keberatan', ...answer },
  ]], {
    nomor: penugasan.number, pemberi: shown.pemberi, tim: shown.tim, ekspektasi: shown.ekspektasi,
    selesai: formatDate(penugasan.endsOn ?? shown.teamEnd, ctx.actor.timeZone), citation: shown.citation,
  }));
}
