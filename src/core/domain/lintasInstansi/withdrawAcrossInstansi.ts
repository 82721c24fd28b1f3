import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { advanceRequest } from './advanceRequest';
import { inboundHolders } from './inboundCard';
import { inboundEndedWell, inboundIsFinal, inboundStageAt } from './inboundStages';
import { readInboundDetails, readLintasDetails } from './lintasDetails';
import { isFinal, stagesOf } from './lintasStages';
import { ownRequest } from './ownRequest';
import { pybRecipients } from './pejabatBerwenang';

/**
 * The requesting head withdraws a request to another government before it ends (issue 6 item 7).
 * Our PyB is told; where the other government runs timkerja, its request is withdrawn too and
 * whoever holds it there is told.
 */
export async function withdrawAcrossInstansi(ctx: FlowContext, pelibatanId: string) {
  const request = await ownRequest(ctx, pelibatanId, 'KELUAR');
  if (!request || request.requesterId !== ctx.actor.id) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  const inbound = request.counterpartId ? await ctx.tx.pelibatanLintasInstansi.findUnique({ where: { id: request.counterpartId } }) : null;
  const there = inbound && {
    profile: readInboundDetails(inbound.details).profile,
    settings: (await ctx.tx.instansi.findUniqueOrThrow({ where: { id: inbound.instansiId } })).settings,
  };
  // Once the other government assigned its officials, the request is done there even if this side still has a step (an SK).
  const assignedThere = !!inbound && !!there && inboundEndedWell(there.profile, there.settings, inbound.status);
  if (assignedThere || isFinal(stagesOf(readLintasDetails(request.details).profile, instansi.settings), request.status) || !(await advanceRequest(ctx.tx, request, 'WITHDRAWN'))) {
    ctx.reply(text('pengajuanku.tidakDapatDitarik', { nomor: request.number }));
    return;
  }
  await ctx.tx.peristiwaLintasInstansi.create({ data: { pelibatanId: request.id, kind: 'DITARIK', statusFrom: request.status, statusTo: 'WITHDRAWN', actorId: ctx.actor.id, createdAt: ctx.now } });
  const notice = text('lintas.ditarik', { nomor: request.number, target: request.targetName, nama: ctx.actor.name });
  for (const pegawaiId of await pybRecipients(ctx.tx, request.instansiId, ctx.now, [ctx.actor.id])) ctx.notify(pegawaiId, notice);
  if (inbound && there && !inboundIsFinal(there.profile, there.settings, inbound.status) && (await advanceRequest(ctx.tx, inbound, 'WITHDRAWN'))) {
    await ctx.tx.peristiwaLintasInstansi.create({ data: { pelibatanId: inbound.id, kind: 'DITARIK', statusFrom: inbound.status, statusTo: 'WITHDRAWN', actorId: ctx.actor.id, createdAt: ctx.now } });
    const withdrawn = text('lintas.masukDitarik', { nomor: inbound.number, dari: inbound.targetName });
    // Whoever holds it there; where their regulation stopped, their PyB.
    const performer = inboundStageAt(there.profile, there.settings, inbound.status)?.performer ?? 'PYB';
    for (const pegawaiId of await inboundHolders(ctx, inbound, performer)) ctx.notify(pegawaiId, withdrawn);
  }
  ctx.reply(text('lintas.ditarikTercatat', { nomor: request.number }));
  ctx.audit({ action: 'lintas.tarik', outcome: 'OK', subject: `lintas:${request.id}`, rule: 'kebijakan instansi', details: { nomor: request.number, status: request.status } });
}
