import type { FlowContext } from '../../engine/defineFlow';
import { text } from '../../messages';
import type { Kabar, Peristiwa } from '../../policy/lintasInstansiSchema';
import type { ExternalOfficial, LintasRequest } from './lintasDetails';
import { applyOutcome, regulationEnds, stagesOfRequest } from './recordExternal';
import { stageAt } from './lintasStages';

// The requesting side's outcome for what happened here, most exact first: its profile may name it differently.
// An answer with officials also tells a requesting side that stops earlier (Tulang Bawang Barat) that the other side agreed.
const OUTCOMES: Record<Kabar, Peristiwa[]> = {
  INSTRUKSI: ['PYB_TUJUAN_SETUJU'],
  PENOLAKAN: ['DITOLAK_PYB_TUJUAN', 'PENOLAKAN', 'TIDAK_TERSEDIA'],
  TIDAK_TERSEDIA: ['TIDAK_TERSEDIA', 'PENOLAKAN'],
  JAWABAN: ['JAWABAN_TERSEDIA', 'PERSETUJUAN', 'PYB_TUJUAN_SETUJU'],
  PENUGASAN: ['SURAT_PENUGASAN'],
};

/**
 * Both governments run timkerja: a step on the receiving side is recorded on the requesting side
 * at once, as its PyB would record the letter by hand, with our letter as the evidence. Where the
 * requesting side's stage has no such outcome, its requester is told and nothing moves.
 */
export async function relayKabar(
  ctx: FlowContext, inbound: LintasRequest, kabar: Kabar, content: { alasan?: string; daftar?: ExternalOfficial[]; suratId?: string },
): Promise<void> {
  const outbound = inbound.counterpartId ? await ctx.tx.pelibatanLintasInstansi.findUnique({ where: { id: inbound.counterpartId } }) : null;
  if (!outbound) return;
  const stages = await stagesOfRequest(ctx, outbound);
  const stage = stageAt(stages, outbound.status);
  const outcome = stage?.kind === 'PERISTIWA' ? OUTCOMES[kabar].map((p) => stage.outcomes.find((o) => o.peristiwa === p)).find((o) => o) : undefined;
  if (stage?.kind !== 'PERISTIWA' || !outcome) {
    ctx.notify(outbound.requesterId!, text('lintas.kabarDariSana', { nomor: outbound.number, target: outbound.targetName, kabar: { key: `lintas.kabar.${kabar}` } }));
    return;
  }
  const evidence = content.suratId ? { suratId: content.suratId } : null;
  await applyOutcome(ctx, { request: outbound, stage, stages, outcome, alasan: content.alasan, daftar: content.daftar, evidence, onBehalfOf: null });
  await regulationEnds(ctx, outbound, stages, outcome.next, null);
}
