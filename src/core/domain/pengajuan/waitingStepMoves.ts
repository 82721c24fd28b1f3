import type { Tx } from '../../../db/tx';
import { nested } from '../../catalog/t';
import { text, type CoreMessage } from '../../messages';
import { PelibatanPerformerSchema, PerformerSchema } from '../../policy/policyProfile';
import { resolveDituju } from '../pelibatan/involvementParties';
import { USULAN_PERFORMER } from '../penunjukan/proposeMember';
import { loadRequest } from './loadRequest';
import { requestParties } from './notifyStep';
import { stepGroup } from './parallelSteps';
import { chainOfRequest } from './requestChain';
import { resolvePerformer } from './resolvePerformer';
import { rolePhrase } from './roleName';

type Step = { performer: string; penugasan: { pegawaiId: string; timId: string | null; pegawai: { penilaiId: string | null } } };

/** Who holds the step's role now, from the organisation data; undefined for a role not read from it. */
async function currentHolder(tx: Tx, step: Step): Promise<string | null | undefined> {
  const { penugasan } = step;
  if (step.performer === USULAN_PERFORMER) return penugasan.pegawai.penilaiId;
  const sukarela = PerformerSchema.safeParse(step.performer);
  if (sukarela.success && penugasan.timId) return resolvePerformer(tx, sukarela.data, { applicantId: penugasan.pegawaiId, timId: penugasan.timId });
  const dituju = PelibatanPerformerSchema.safeParse(step.performer);
  if (dituju.success) return resolveDituju(tx, dituju.data, penugasan.pegawaiId);
  return undefined;
}

/** Why a step moved: the import's organisation data, or a new ketua designated in the bot. */
export type MoveCause = 'DATA' | 'KETUA';

export interface StepMove {
  stepId: string;
  penugasanId: string;
  from: string;
  to: string;
  /** The step was waiting for its holder now (its card must go out); otherwise it opens later. */
  open: boolean;
  /** The new holder already holds a step decided together with it: as when the request was sent, they decide once (the step is gone). */
  merged: boolean;
  /** The former holder's cards of it, to be replaced by `replacement` so their buttons are gone. */
  oldCards: string[];
  replacement: CoreMessage;
  /** Whoever asked, and the former holder if still in service and holding no card to replace. */
  notices: Array<{ to: string; message: CoreMessage }>;
}

/**
 * A step of a request still going whose role someone else holds now (a new unit head, a new
 * Penilai or ketua, an official gone) moves to them; a step already open starts its waiting time
 * again (S2), and its card is for the caller to send (notifyStep / stepCardSends). Where the new
 * holder already holds a step decided together with it (Magelang's two home approvals), the moved
 * step goes, as it would have when the request was sent. A role nobody holds now stays with its
 * holder, whose superior still hears of the wait. `scope` narrows it to one team's requests, or to
 * some roles.
 */
export async function moveWaitingSteps(
  tx: Tx, scope: { instansiId: string; timId?: string; performers?: string[] }, now: Date, cause: MoveCause,
): Promise<StepMove[]> {
  const steps = await tx.approvalStep.findMany({
    where: {
      status: { in: ['PENDING', 'WAITING'] }, ...(scope.performers ? { performer: { in: scope.performers } } : {}),
      penugasan: { instansiId: scope.instansiId, ...(scope.timId ? { timId: scope.timId } : {}) },
    },
    include: { assignee: true, penugasan: { include: { pegawai: true, tim: true } } },
    orderBy: [{ penugasanId: 'asc' }, { position: 'asc' }],
  });
  const moves: StepMove[] = [];
  for (const step of steps) {
    const holderId = await currentHolder(tx, step);
    if (!holderId || holderId === step.assigneeId || requestParties(step.penugasan).includes(holderId)) continue;
    const holder = await tx.pegawai.findUniqueOrThrow({ where: { id: holderId } });
    const request = await loadRequest(tx, step.penugasanId);
    const merged = stepGroup(request.steps, step.position, chainOfRequest(request))
      .some((s) => s.id !== step.id && s.assigneeId === holderId && (s.status === 'PENDING' || s.status === 'WAITING'));
    const open = step.status === 'PENDING' && !merged;
    if (merged) await tx.approvalStep.delete({ where: { id: step.id } });
    else await tx.approvalStep.update({ where: { id: step.id }, data: { assigneeId: holderId, ...(open ? { pendingSince: now, messageIds: null } : {}) } });
    // The request's letters so far (the applicant's, with its CV) are the new holder's to read.
    for (const surat of await tx.surat.findMany({ where: { penugasanId: step.penugasanId } })) {
      const readers = JSON.parse(surat.recipients) as string[];
      if (!readers.includes(holderId)) await tx.surat.update({ where: { id: surat.id }, data: { recipients: JSON.stringify([...readers, holderId]) } });
    }
    const { penugasan } = step;
    const params = { nomor: penugasan.number, tim: penugasan.tim?.name ?? '-', peran: rolePhrase(step.performer), nama: holder.name, lama: step.assignee.name, sebab: nested(`persetujuan.sebab.${cause}`) };
    const oldCards = step.status === 'PENDING' ? JSON.parse(step.messageIds ?? '[]') as string[] : [];
    const asker = penugasan.mode === 'PENUNJUKAN' && penugasan.assignerId ? penugasan.assignerId : penugasan.pegawaiId;
    const told = text('persetujuan.dialihkanDariAnda', params);
    moves.push({
      stepId: step.id, penugasanId: step.penugasanId, from: step.assigneeId, to: holderId, open, merged, oldCards, replacement: told,
      notices: open ? [
        { to: asker, message: text('persetujuan.dialihkan', params) },
        ...(step.assignee.active && oldCards.length === 0 ? [{ to: step.assigneeId, message: told }] : []),
      ] : [],
    });
  }
  return moves;
}
