import type { Tx } from '../../db/tx';
import { Refused } from '../errors';
import type { Actor } from './resolveActor';
import type { PelibatanPerformer, Performer } from '../policy/policyProfile';
import type { USULAN_PERFORMER } from '../domain/penunjukan/proposeMember';

export interface ApproverCapacity {
  /** Set when the actor acts for the step's assignee under a recorded delegation (C6). */
  onBehalfOf: { id: string; name: string } | null;
}

// Which delegation scope lets a delegate act for which profile role.
const SCOPE_FOR: Record<Performer | PelibatanPerformer | typeof USULAN_PERFORMER, string> = {
  HOME_PENILAI: 'PENILAI', HOME_PIMPINAN_UO: 'PIMPINAN_UNIT', HOME_KEPALA_PD: 'PIMPINAN_UNIT',
  TARGET_PIMPINAN_UO: 'PIMPINAN_UNIT', TARGET_KEPALA_PD: 'PIMPINAN_UNIT', TARGET_KETUA_TIM: 'KETUA_TIM',
  DITUJU_PENILAI: 'PENILAI', DITUJU_PIMPINAN_UO: 'PIMPINAN_UNIT', DITUJU_KEPALA_PD: 'PIMPINAN_UNIT', PENILAI_DIUSULKAN: 'PENILAI',
};

/** The actor may decide this step: they are its assignee, or hold a delegation valid now (C6, C7). */
export async function requireApprover(
  tx: Tx, actor: Actor, step: { assigneeId: string; performer: string }, now: Date,
): Promise<ApproverCapacity> {
  if (step.assigneeId === actor.id) return { onBehalfOf: null };
  const delegation = await tx.delegation.findFirst({
    where: {
      fromId: step.assigneeId, toId: actor.id, revokedAt: null, startsAt: { lte: now }, endsAt: { gt: now },
      scope: { in: ['SEMUA', SCOPE_FOR[step.performer as keyof typeof SCOPE_FOR] ?? 'SEMUA'] },
    },
    include: { from: true },
  });
  if (!delegation) throw new Refused('C7', 'persetujuan.bukanWewenang', { rule: 'C7' });
  return { onBehalfOf: { id: delegation.from.id, name: delegation.from.name } };
}

/**
 * Pegawai who may act for this assignee today on a request: notified together with the assignee.
 * The request's own parties (its applicant; for WF-2 also the head who asked) are never among
 * them, even when they hold the delegation (C7).
 */
export async function activeDelegates(tx: Tx, assigneeId: string, performer: string, now: Date, parties: string[]): Promise<string[]> {
  const rows = await tx.delegation.findMany({
    where: {
      fromId: assigneeId, revokedAt: null, startsAt: { lte: now }, endsAt: { gt: now },
      scope: { in: ['SEMUA', SCOPE_FOR[performer as keyof typeof SCOPE_FOR] ?? 'SEMUA'] },
    },
  });
  return [...new Set(rows.map((r) => r.toId))].filter((id) => !parties.includes(id));
}
