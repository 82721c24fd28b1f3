import type { Tx } from '../../../db/tx';
import { text, type CoreMessage } from '../../messages';
import { PelibatanPerformerSchema, PerformerSchema } from '../../policy/policyProfile';
import { resolveDituju } from '../pelibatan/involvementParties';
import { USULAN_PERFORMER } from '../penunjukan/proposeMember';
import { loadRequest } from './loadRequest';
import { requestParties, stepCard } from './notifyStep';
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

export interface StepMove {
  stepId: string;
  penugasanId: string;
  from: string;
  to: string;
  /** What to send, and to whom: the new holder's card, whoever asked, the former holder if still in service. */
  messages: Array<{ to: string; tag: 'kartu' | 'pemohon' | 'lama'; message: CoreMessage }>;
}

/**
 * A step still waiting for someone who no longer holds its role (a new unit head, a new Penilai or
 * ketua, an official gone) moves to whoever holds it now; its waiting time starts again (S2). A
 * role nobody holds now stays with its holder, whose superior still hears of the wait. Returns the
 * moves made (of one team's requests, when `timId` is given), each with its messages.
 */
export async function moveWaitingSteps(tx: Tx, scope: { instansiId: string; timId?: string }, now: Date, timeZone: string): Promise<StepMove[]> {
  const steps = await tx.approvalStep.findMany({
    where: { status: 'PENDING', penugasan: { instansiId: scope.instansiId, ...(scope.timId ? { timId: scope.timId } : {}) } },
    include: { assignee: true, penugasan: { include: { pegawai: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const moves: StepMove[] = [];
  for (const step of steps) {
    const holderId = await currentHolder(tx, step);
    if (!holderId || holderId === step.assigneeId || requestParties(step.penugasan).includes(holderId)) continue;
    await tx.approvalStep.update({ where: { id: step.id }, data: { assigneeId: holderId, pendingSince: now, messageIds: null } });
    const request = await loadRequest(tx, step.penugasanId);
    const moved = request.steps.find((s) => s.id === step.id)!;
    const params = { nomor: request.number, tim: request.tim?.name ?? '-', peran: rolePhrase(step.performer), nama: moved.assignee.name, lama: step.assignee.name };
    const asker = request.mode === 'PENUNJUKAN' && request.assignerId ? request.assignerId : request.pegawaiId;
    moves.push({
      stepId: step.id, penugasanId: step.penugasanId, from: step.assigneeId, to: holderId,
      messages: [
        { to: holderId, tag: 'kartu', message: stepCard(request, moved, timeZone) },
        { to: asker, tag: 'pemohon', message: text('persetujuan.dialihkan', params) },
        ...(step.assignee.active ? [{ to: step.assigneeId, tag: 'lama' as const, message: text('persetujuan.dialihkanDariAnda', params) }] : []),
      ],
    });
  }
  return moves;
}
