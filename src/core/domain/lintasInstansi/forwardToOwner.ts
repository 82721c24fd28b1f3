import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { advanceRequest } from './advanceRequest';
import { readLintasDetails } from './lintasDetails';
import { stageAt, stagesOf } from './lintasStages';
import { ownRequest } from './ownRequest';
import { requirePyb } from './pejabatBerwenang';
import { nextStage } from './recordExternal';

/**
 * Lamandau Lamp. II.C.a(4) huruf e-f: on the other government's approval, the PyB passes it on to
 * the owner, whose SK Tim Kerja rests on the PyB's letter: the SK button comes only after this.
 */
export async function forwardToOwner(ctx: FlowContext, pelibatanId: string) {
  const capacity = await requirePyb(ctx.tx, ctx.actor, ctx.now);
  const request = await ownRequest(ctx, pelibatanId, 'KELUAR');
  // C7: the head who asked never acts for the PyB on their own request, not even as its Plh.
  if (request?.requesterId === ctx.actor.id) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const stages = request ? stagesOf(readLintasDetails(request.details).profile, instansi.settings) : [];
  const stage = request && stageAt(stages, request.status);
  if (!request || stage?.kind !== 'TERUSKAN' || !(await advanceRequest(ctx.tx, request, stage.next))) {
    ctx.reply(text('persetujuan.sudahDiputuskan'));
    return;
  }
  await ctx.tx.peristiwaLintasInstansi.create({
    data: { pelibatanId: request.id, kind: 'TERUSKAN', statusFrom: request.status, statusTo: stage.next, actorId: ctx.actor.id, onBehalfOf: capacity.onBehalfOf?.id ?? null, createdAt: ctx.now },
  });
  ctx.reply(text('lintas.diteruskanKePemilikTercatat', { nomor: request.number }));
  ctx.notify(request.requesterId!, text('lintas.diteruskanKePemilik', { nomor: request.number, target: request.targetName, nama: ctx.actor.name }));
  await nextStage(ctx, request, stages, stage.next);
  ctx.audit({ action: 'lintas.teruskan', outcome: 'OK', subject: `lintas:${request.id}`, rule: stage.citation, details: { nomor: request.number } });
}
