import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { nested } from '../../catalog/t';
import { text } from '../../messages';
import { formatDateTime } from '../formatTime';
import type { Lingkup } from '../enums';
import { loadRequest } from '../pengajuan/loadRequest';
import { notifyStep } from '../pengajuan/notifyStep';
import { rolePhrase } from '../pengajuan/roleName';
import { chainOfRequest } from '../pengajuan/requestChain';
import { involvementApproved } from '../pelibatan/involvementDecisions';
import { involvementCandidates } from '../pelibatan/involvementChoices';
import { chainHolders, withoutRepeats } from '../pelibatan/involvementParties';
import { involvementOfRequest, type InvolvementDetails } from '../pelibatan/involvementWorkflow';
import { storeInvolvement } from '../pelibatan/storeInvolvement';
import { markUnitRequest } from './unitRequestCard';
import { readUnitRequest } from './unitRequestDetails';
import type { OpenUnitRequest } from './openUnitRequest';

/** Who the answerer may nominate: the unit's officials the profile lets take part (C1), not yet in the team. */
export async function nominationCandidates(ctx: FlowContext, request: { timId: string; targetUnitId: string; requesterId: string }) {
  return (await involvementCandidates(ctx, { id: request.timId }, request.targetUnitId)).filter((p) => p.id !== request.requesterId);
}

/**
 * The unit's head (or their Plh) names up to the number asked for. Each nominee becomes a WF-2
 * request of its own whose steps held by the answerer are decided by this nomination; what
 * remains (e.g. the nominee's own Penilai, where that is someone else) is asked next, and where
 * nothing remains the surat penugasan is issued now. Checked for every nominee before any is stored.
 */
export async function nominateOfficials(ctx: FlowContext, open: OpenUnitRequest, pegawaiIds: string[]): Promise<void> {
  const { request, capacity } = open;
  const candidates = await nominationCandidates(ctx, request);
  const chosen = pegawaiIds.map((id) => candidates.find((c) => c.id === id));
  if (chosen.length === 0 || chosen.length > request.jumlah || new Set(pegawaiIds).size !== pegawaiIds.length || chosen.some((c) => !c)) {
    throw new Refused('DATA', 'permintaan.pilihanTidakSah', { jumlah: request.jumlah });
  }
  const workflow = involvementOfRequest(request);
  const chains = [];
  for (const person of chosen as NonNullable<(typeof chosen)[number]>[]) {
    const rest = withoutRepeats((await chainHolders(ctx.tx, workflow, person.id)).filter((step) => step.assigneeId !== request.deciderId));
    const gap = rest.find((step) => !step.assigneeId || step.assigneeId === request.requesterId);
    if (gap) throw new Refused('DATA', 'pengajuan.tidakAdaPemutus', { peran: rolePhrase(gap.performer) });
    chains.push({ person, rest });
  }
  const details = readUnitRequest(request.details);
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId } });
  const lines = [];
  for (const { person, rest } of chains) {
    const involvement: InvolvementDetails = {
      profile: details.profile, maksudTujuan: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi, citation: details.citation,
      ...(details.suratNomor ? { suratNomor: details.suratNomor } : {}), requestedAt: request.createdAt.toISOString(),
    };
    const approvedStatus = chainOfRequest({ workflow: 'WF-2', details: JSON.stringify(involvement), scope: request.scope }).approvedStatus;
    const stored = await storeInvolvement(ctx, {
      tim, pegawaiId: person.id, assignerId: request.requesterId, scope: request.scope as Lingkup, endsOn: request.endsOn, details: involvement, permintaanId: request.id,
      status: rest[0]?.pendingStatus ?? approvedStatus,
      steps: [
        {
          performer: request.performer, kind: 'APPROVE', assigneeId: request.deciderId, citation: workflow.steps[0]!.citation,
          decided: { byId: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null },
        },
        ...rest.map((step) => ({ performer: step.performer, kind: step.kind, assigneeId: step.assigneeId!, citation: step.citation })),
      ],
    });
    const next = stored.steps[1];
    if (next) {
      await notifyStep(ctx, stored.id, next.id);
      const holder = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: next.assigneeId } });
      lines.push(nested('permintaan.barisMenunggu', { nama: person.name, nomor: stored.number, peran: rolePhrase(next.performer), penyetuju: holder.name }));
    } else {
      await involvementApproved(ctx, await loadRequest(ctx.tx, stored.id), capacity);
      lines.push(nested('permintaan.barisTerbit', { nama: person.name, nomor: stored.number }));
    }
  }
  await ctx.tx.permintaanPegawai.update({
    where: { id: request.id }, data: { status: 'ANSWERED', decidedById: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, decidedAt: ctx.now },
  });
  const daftar = lines.reduce((a, b) => nested('ringkasan.gabung', { a, b }));
  const atasNama = capacity.onBehalfOf ? nested('persetujuan.atasNama', { nama: capacity.onBehalfOf.name }) : '';
  await markUnitRequest(ctx, request, nested('permintaan.dijawabOleh', { nama: ctx.actor.name, atasNama, waktu: formatDateTime(ctx.now, ctx.actor.timeZone), jumlah: chains.length }));
  ctx.notify(request.requesterId, text('permintaan.dijawab', { nomor: request.number, nama: ctx.actor.name, atasNama, jumlah: chains.length, diminta: request.jumlah, daftar }));
  if (capacity.onBehalfOf) ctx.notify(capacity.onBehalfOf.id, text('permintaan.dijawabAtasNama', { nomor: request.number, nama: ctx.actor.name, daftar }));
  ctx.reply(text('permintaan.tercatatTunjuk', { nomor: request.number, daftar }));
  ctx.audit({
    action: 'permintaan.tunjuk', outcome: 'OK', rule: workflow.steps[0]!.citation, subject: `permintaan:${request.id}`,
    details: { pegawaiIds, atasNama: capacity.onBehalfOf?.id ?? null },
  });
}
