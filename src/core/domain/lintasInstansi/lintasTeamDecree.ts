import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { issueLintasTeamDecree } from '../surat/acrossInstansiLetters';
import { advanceRequest } from './advanceRequest';
import { readLintasDetails } from './lintasDetails';
import { getPolicyProfile } from '../../policy/policyProfile';
import { mayRequest } from '../pelibatan/involvementParties';
import { lintasWorkflow, stageAt, stagesOf } from './lintasStages';
import { ownRequest } from './ownRequest';

/**
 * Lamandau (Lamp. II.C.a(4) huruf f): on the PyB's letter with the target's approval, the owner
 * (Kepala PD or Pimpinan UO pemilik kinerja) sets the team by Surat Keputusan Tim Kerja.
 */
export async function decreeAcrossInstansi(ctx: FlowContext, pelibatanId: string) {
  const request = await ownRequest(ctx, pelibatanId, 'KELUAR');
  if (!request) throw new Refused('WF-3', 'lintas.tidakMenungguSurat', { nomor: '-' });
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  const details = readLintasDetails(request.details);
  const workflow = lintasWorkflow(getPolicyProfile(details.profile));
  // Authorized before anything else, so a stranger's press is refused and audited even once the SK exists.
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId! }, include: { ownerUnit: { include: { perangkatDaerah: true } } } });
  if (ctx.actor.id !== request.requesterId && !mayRequest(workflow, ctx.actor.id, tim)) throw new Refused('C7', 'lintas.bukanPemilik', { citation: workflow.citation });
  const stage = stageAt(stagesOf(details.profile, instansi.settings), request.status);
  if (stage?.kind !== 'SK_TIM') {
    ctx.reply(text('lintas.sudahDicatat', { nomor: request.number }));
    return;
  }
  if (!(await advanceRequest(ctx.tx, request, stage.next))) {
    ctx.reply(text('lintas.sudahDicatat', { nomor: request.number }));
    return;
  }
  const surat = await issueLintasTeamDecree(ctx, request);
  await ctx.tx.peristiwaLintasInstansi.create({
    data: { pelibatanId: request.id, kind: 'SK_TIM', statusFrom: request.status, statusTo: stage.next, actorId: ctx.actor.id, suratId: surat.id, createdAt: ctx.now },
  });
  ctx.reply(text('lintas.skTerbit', { nomor: request.number, surat: surat.nomor, tim: details.team }));
  ctx.audit({ action: 'lintas.skTim', outcome: 'OK', subject: `lintas:${request.id}`, rule: stage.citation, details: { nomor: request.number, surat: surat.nomor } });
}
