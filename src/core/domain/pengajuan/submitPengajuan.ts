import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import type { PlatformFile } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { selectWorkflow } from './selectWorkflow';
import { determineScope } from './determineScope';
import { resolvePerformer } from './resolvePerformer';
import { notifyStep } from './notifyStep';
import { issueOwnRequestLetter, reachesTarget } from '../surat/ownRequestLetter';
import { rolePhrase } from './roleName';

export interface PengajuanInput {
  timId: string;
  motivasi: string;
  /** The CV and other documents of the applicant's letter (format 1), kept by the platform's file id. */
  lampiran?: PlatformFile[];
}

/**
 * WF-4/WF-5 T1–T2: records a voluntary request and sends it to the first step of the instansi's
 * profile (C8). Every step's holder is resolved up front so a gap in the data is refused at once.
 */
export async function submitPengajuan(ctx: FlowContext, input: PengajuanInput) {
  const { tx, actor, now } = ctx;
  if (actor.jenisJabatan !== 'FUNGSIONAL' && actor.jenisJabatan !== 'PELAKSANA') throw new Refused('C1', 'pengajuan.bukanSubjek');
  const tim = await tx.timKerja.findFirstOrThrow({ where: { id: input.timId, instansiId: actor.instansiId } });
  const scope = await determineScope(tx, actor.homeUnitId, tim.ownerUnitId);
  // WF-5: no regulation provides a voluntary request to another instansi.
  if (scope === 'LINTAS_INSTANSI') throw new Refused('WF-5', 'pengajuan.lintasInstansi');
  const profile = getPolicyProfile(actor.policyProfile);
  const workflow = selectWorkflow(profile, scope);
  if (!workflow) throw new Refused('C8', 'pengajuan.lingkupTidakDiatur', { lingkup: scope });

  const steps: Array<(typeof workflow.steps)[number] & { assigneeId: string }> = [];
  for (const step of workflow.steps) {
    const assignee = await resolvePerformer(tx, step.performer, { applicantId: actor.id, timId: tim.id });
    if (!assignee && step.skipWithoutHolder) continue;
    if (!assignee || assignee === actor.id) throw new Refused('DATA', 'pengajuan.tidakAdaPemutus', { peran: rolePhrase(step.performer) });
    // One official holding both of two steps decided together approves once.
    if (step.parallelWithPrevious && steps.at(-1)?.assigneeId === assignee) continue;
    steps.push({ ...step, assigneeId: assignee });
  }
  // The first step, with any decided together with it, waits for its holders at once.
  const firstGroup = 1 + steps.slice(1).findIndex((step) => !step.parallelWithPrevious);
  const opensAt = (position: number) => position < (firstGroup === 0 ? steps.length : firstGroup);
  const last = await tx.penugasan.findFirst({ where: { instansiId: actor.instansiId }, orderBy: { number: 'desc' } });
  const penugasan = await tx.penugasan.create({
    data: {
      instansiId: actor.instansiId, number: (last?.number ?? 0) + 1, workflow: workflow.workflow, mode: 'PENGAJUAN_SUKARELA',
      scope, status: steps[0]!.pendingStatus, pegawaiId: actor.id, timId: tim.id, ownerUnitId: tim.ownerUnitId,
      role: 'ANGGOTA', details: JSON.stringify({ motivasi: input.motivasi, profile: profile.id, ...(input.lampiran?.length ? { lampiran: input.lampiran } : {}) }),
      steps: {
        create: steps.map((step, position) => ({
          position, kind: step.kind, performer: step.performer, assigneeId: step.assigneeId, citation: step.citation,
          status: opensAt(position) ? 'PENDING' : 'WAITING', pendingSince: opensAt(position) ? ctx.now : null,
        })),
      },
    },
    include: { steps: { orderBy: { position: 'asc' } } },
  });
  const first = penugasan.steps[0]!;
  if (reachesTarget(penugasan.steps.filter((s) => opensAt(s.position)), penugasan.steps)) await issueOwnRequestLetter(ctx, penugasan.id);
  for (const step of penugasan.steps.filter((s) => opensAt(s.position))) await notifyStep(ctx, penugasan.id, step.id);
  ctx.audit({ action: 'pengajuan.ajukan', outcome: 'OK', subject: `penugasan:${penugasan.id}`, rule: first.citation, details: { scope, status: penugasan.status, nomor: penugasan.number } });
  const firstHolder = await tx.pegawai.findUniqueOrThrow({ where: { id: first.assigneeId } });
  return { penugasan, firstHolder, firstPerformer: first.performer };
}
