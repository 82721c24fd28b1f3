import type { FlowContext } from '../../engine/defineFlow';
import { choice, label } from '../../messages';
import { decreeIssuers, decreeOffer } from '../pelibatan/involvementDecisions';
import { involvementOfRequest } from '../pelibatan/involvementWorkflow';
import { individualTaskName } from '../penunjukan/individualTaskName';
import { openAcceptance } from './acceptAssignment';
import { PENGAJUAN_FLOW_ID } from './notifyStep';

// Statuses after which nothing is offered any more.
const SETTLED = ['ACTIVE', 'OBJECTED', 'AWAITING_SK_TIM', 'WITHDRAWN', 'REJECTED', 'CANCELLED', 'ENDED'];

/**
 * Someone who links their first chat account after an assignment was offered to them, or while a
 * Lamandau SK Tim Kerja waits for them, gets those buttons now: the first copies went nowhere.
 */
export async function resendOffers(ctx: FlowContext): Promise<number> {
  let sent = 0;
  const offered = await ctx.tx.penugasan.findMany({
    where: { instansiId: ctx.actor.instansiId, pegawaiId: ctx.actor.id, status: { notIn: SETTLED } }, include: { tim: true }, orderBy: { number: 'asc' },
  });
  for (const request of offered) {
    if ((await openAcceptance(ctx, request.id)).status !== 'open') continue;
    const answer = { scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID, allowed: [ctx.actor.id], args: { penugasanId: request.id } };
    ctx.notify(ctx.actor.id, choice('pengajuan.tawaranMenunggu', [[
      { label: label('pengajuan.terimaPenugasan'), action: 'terimaPenugasan', style: 'primary', ...answer },
      { label: label('pengajuan.ajukanKeberatan'), action: 'keberatan', ...answer },
    ]], { nomor: request.number, tugas: request.tim?.name ?? individualTaskName(request.details) }));
    sent += 1;
  }
  const decrees = await ctx.tx.penugasan.findMany({
    where: { instansiId: ctx.actor.instansiId, workflow: 'WF-2', status: 'AWAITING_SK_TIM' }, include: { pegawai: true, tim: true }, orderBy: { number: 'asc' },
  });
  for (const request of decrees) {
    if (!(await decreeIssuers(ctx, request)).includes(ctx.actor.id)) continue;
    ctx.notify(ctx.actor.id, decreeOffer(request, involvementOfRequest(request).skTimKerja!.citation, ctx.actor.id));
    sent += 1;
  }
  return sent;
}
