import type { FlowContext } from '../../engine/defineFlow';
import { choice, label } from '../../messages';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import { readLintasDetails, type LintasRequest } from './lintasDetails';
import { stageAt, stagesOf } from './lintasStages';
import { pybRecipients } from './pejabatBerwenang';

export const LINTAS_FLOW_ID = 'pelibatan-lintas-instansi';

/**
 * The request as its PyB reads it, with the buttons of the stage it waits in: the decision, or
 * (Lamandau) passing the other government's approval on to the owner. The handler authorizes each press.
 * `only`: to that one recipient (who linked late); returns how many got it.
 */
export async function notifyPyb(ctx: FlowContext, request: LintasRequest, only?: string): Promise<number> {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  const details = readLintasDetails(request.details);
  const stage = stageAt(stagesOf(details.profile, instansi.settings), request.status)!;
  const requester = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.requesterId! } });
  const button = (key: 'lintas.setujuiTeruskan' | 'persetujuan.tolak' | 'lintas.teruskanKePemilik', action: string, style: 'primary' | 'danger') =>
    ({ label: label(key), action, args: { pelibatanId: request.id }, style, scope: 'action' as const, flowId: LINTAS_FLOW_ID });
  const forward = stage.kind === 'TERUSKAN';
  const rows = forward ? [[button('lintas.teruskanKePemilik', 'teruskan', 'primary')]] : [[button('lintas.setujuiTeruskan', 'setujui', 'primary'), button('persetujuan.tolak', 'tolak', 'danger')]];
  const card = choice(forward ? 'lintas.kartuTeruskan' : 'lintas.kartuPyb', rows, {
    nomor: request.number, pemohon: requester.name, jabatan: requester.jabatan, tim: details.team, unit: details.ownerUnit, target: request.targetName,
    jumlah: details.jumlah, maksud: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi,
    selesai: formatDate(zonedMidnight(details.selesai, instansi.timeZone), instansi.timeZone), citation: stage.citation,
  });
  const recipients = (await pybRecipients(ctx.tx, request.instansiId, ctx.now, [request.requesterId!])).filter((id) => !only || id === only);
  for (const pegawaiId of recipients) ctx.notify(pegawaiId, card);
  return recipients.length;
}
