import type { FlowContext } from '../../engine/defineFlow';
import { text } from '../../messages';
import { readLintasDetails, type InboundDetails, type LintasRequest } from './lintasDetails';
import { inboundWorkflow } from './inboundStages';
import { notifyInboundStage } from './inboundCard';
import { pybRecipients } from './pejabatBerwenang';

/**
 * The other government, when this deployment serves it, its regulation has a WF-3 to receive the
 * request with, and it has named a PyB to receive it; otherwise the letter goes by post.
 */
export async function mirrorTarget(ctx: FlowContext, outbound: LintasRequest) {
  const target = outbound.targetInstansiId ? await ctx.tx.instansi.findUnique({ where: { id: outbound.targetInstansiId } }) : null;
  if (!target || !inboundWorkflow(target.policyProfile, target.settings)) return null;
  return (await pybRecipients(ctx.tx, target.id, ctx.now, [])).length > 0 ? target : null;
}

/**
 * When the other government is served by this deployment too, the PyB's letter arrives there as
 * that instansi's own request (direction MASUK), run by its own profile (domain-spec §3.3, "the
 * same machine runs mirrored"). Where its regulation has no WF-3 (Magelang), nothing is created:
 * the letter goes by post, and the answer is recorded by hand.
 */
export async function receiveInbound(ctx: FlowContext, outbound: LintasRequest, letter: { nomor: string; tanggal: string }): Promise<boolean> {
  const target = await mirrorTarget(ctx, outbound);
  const workflow = target && inboundWorkflow(target.policyProfile, target.settings);
  if (!target || !workflow) return false;
  const sent = readLintasDetails(outbound.details);
  const requester = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: outbound.requesterId! } });
  const details: InboundDetails = {
    profile: target.policyProfile, team: sent.team, ownerUnit: sent.ownerUnit, requester: { name: requester.name, jabatan: requester.jabatan },
    maksudTujuan: sent.maksudTujuan, kompetensi: sent.kompetensi, ekspektasi: sent.ekspektasi, jumlah: sent.jumlah, selesai: sent.selesai, suratMasuk: letter,
  };
  const last = await ctx.tx.pelibatanLintasInstansi.findFirst({ where: { instansiId: target.id }, orderBy: { number: 'desc' } });
  const status = workflow.stages[0]!.status;
  const inbound = await ctx.tx.pelibatanLintasInstansi.create({
    data: {
      instansiId: target.id, number: (last?.number ?? 0) + 1, direction: 'MASUK', status, targetName: sent.ownInstansi,
      targetInstansiId: outbound.instansiId, counterpartId: outbound.id, details: JSON.stringify(details), createdAt: ctx.now,
    },
  });
  await ctx.tx.pelibatanLintasInstansi.update({ where: { id: outbound.id }, data: { counterpartId: inbound.id } });
  await ctx.tx.peristiwaLintasInstansi.create({ data: { pelibatanId: inbound.id, kind: 'DITERIMA', statusTo: status, actorId: ctx.actor.id, createdAt: ctx.now } });
  await notifyInboundStage(ctx, inbound);
  ctx.audit({ action: 'lintas.masuk', outcome: 'OK', subject: `lintas:${inbound.id}`, rule: workflow.stages[0]!.citation, details: { dari: outbound.id, instansiId: target.id } });
  ctx.notify(outbound.requesterId!, text('lintas.diterimaDiSana', { nomor: outbound.number, target: target.name }));
  return true;
}
