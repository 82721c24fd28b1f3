import type { FlowContext } from '../../engine/defineFlow';
import { activeDelegates } from '../../auth/requireApprover';
import { nested, type Param } from '../../catalog/t';
import { choice, label, text, type Button } from '../../messages';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import { officialLines } from './externalOfficials';
import { readInboundDetails, type LintasRequest } from './lintasDetails';
import { inboundStageAt, inboundWorkflow } from './inboundStages';
import { pybRecipients } from './pejabatBerwenang';

export const MASUK_FLOW_ID = 'pelibatan-lintas-masuk';

type ButtonKey = 'persetujuan.setujui' | 'persetujuan.tolak' | 'lintas.pilihUnitJawab' | 'lintas.tunjukPegawai' | 'lintas.tombolTidakTersedia' | 'pelibatan.terbitkanSurat';

/** Who acts at a stage: our PyB (or their Plh), or the head of the unit the PyB instructed (or theirs). */
export async function inboundHolders(ctx: FlowContext, inbound: LintasRequest, performer: 'PYB' | 'PIMPINAN_UO_DITUJU'): Promise<string[]> {
  if (performer === 'PYB') return pybRecipients(ctx.tx, inbound.instansiId, ctx.now, []);
  const { unitId } = readInboundDetails(inbound.details);
  const head = unitId ? (await ctx.tx.unitOrganisasi.findUnique({ where: { id: unitId } }))?.headId : null;
  return head ? [head, ...(await activeDelegates(ctx.tx, head, 'DITUJU_PIMPINAN_UO', ctx.now, []))] : [];
}

/** How many steps the request has taken: a card carries it, so a card from before a later step is stale. */
export async function inboundVersion(ctx: FlowContext, pelibatanId: string): Promise<string> {
  return String(await ctx.tx.peristiwaLintasInstansi.count({ where: { pelibatanId } }));
}

/**
 * The request as the holder of its current stage reads it, with that stage's buttons; where the
 * regulation stops, the PyB hears so. `only`: to that one holder (who linked late); returns how many got it.
 */
export async function notifyInboundStage(ctx: FlowContext, inbound: LintasRequest, only?: string): Promise<number> {
  const details = readInboundDetails(inbound.details);
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: inbound.instansiId } });
  const stage = inboundStageAt(details.profile, instansi.settings, inbound.status);
  if (!stage) {
    const batas = inboundWorkflow(details.profile, instansi.settings)?.batasRegulasi;
    if (batas?.status !== inbound.status || only) return 0;
    for (const pegawaiId of await pybRecipients(ctx.tx, inbound.instansiId, ctx.now, [])) {
      ctx.notify(pegawaiId, text('lintas.masukTidakDiaturLagi', { nomor: inbound.number, citation: batas.citation }));
    }
    return 0;
  }
  const versi = await inboundVersion(ctx, inbound.id);
  const button = (key: ButtonKey, action: string, style: 'primary' | 'danger'): Button =>
    ({ label: label(key), action, args: { pelibatanId: inbound.id, versi }, style, scope: 'action', flowId: MASUK_FLOW_ID });
  const rows: Record<typeof stage.kind, Button[][]> = {
    PUTUSAN: [[button('persetujuan.setujui', 'setujui', 'primary'), button('persetujuan.tolak', 'tolak', 'danger')]],
    TUNJUK_UNIT: [[button('lintas.pilihUnitJawab', 'pilihUnit', 'primary')]],
    JAWAB: [[button('lintas.tunjukPegawai', 'tunjukPegawai', 'primary'), button('lintas.tombolTidakTersedia', 'tidakTersedia', 'danger')]],
    TERBITKAN: [[button('pelibatan.terbitkanSurat', 'terbitkan', 'primary')]],
  };
  const unit = details.unitId ? await ctx.tx.unitOrganisasi.findUnique({ where: { id: details.unitId } }) : null;
  const named: Param = details.alasan && stage.kind === 'PUTUSAN' ? nested('lintas.isiAlasan', { alasan: details.alasan })
    : details.daftar ? nested('lintas.isiDaftar', { daftar: officialLines(details.daftar) }) : '';
  const card = choice('lintas.kartuMasuk', rows[stage.kind], {
    nomor: inbound.number, dari: inbound.targetName, pemohon: details.requester.name, jabatan: details.requester.jabatan, tim: details.team,
    unit: details.ownerUnit, jumlah: details.jumlah, maksud: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi,
    selesai: formatDate(zonedMidnight(details.selesai, instansi.timeZone), instansi.timeZone), surat: details.suratMasuk.nomor,
    langkah: { key: `lintas.langkahMasuk.${stage.kind}`, params: { unit: unit?.name ?? '-' } }, isi: named, citation: stage.citation,
  });
  const holders = (await inboundHolders(ctx, inbound, stage.performer)).filter((id) => !only || id === only);
  for (const pegawaiId of holders) ctx.notify(pegawaiId, card);
  return holders.length;
}
