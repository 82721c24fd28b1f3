import type { Tx } from '../../../db/tx';
import type { PelibatanPerformer, PelibatanWorkflow } from '../../policy/policyProfile';

/** Who holds a WF-2 role around the official asked for, from organisation data. */
export async function resolveDituju(tx: Tx, performer: PelibatanPerformer, pegawaiId: string): Promise<string | null> {
  const person = await tx.pegawai.findUniqueOrThrow({ where: { id: pegawaiId }, include: { homeUnit: { include: { perangkatDaerah: true } } } });
  switch (performer) {
    case 'DITUJU_PENILAI': return person.penilaiId;
    case 'DITUJU_PIMPINAN_UO': return person.homeUnit.headId;
    case 'DITUJU_KEPALA_PD': return person.homeUnit.perangkatDaerah.kepalaId;
  }
}

/** Whether the actor asks for this team in one of the roles the chain names (owner unit head, or its PD's head). */
export function mayRequest(
  workflow: Pick<PelibatanWorkflow, 'pemohon'>, actorId: string, tim: { ownerUnit: { headId: string | null; perangkatDaerah: { kepalaId: string | null } } },
): boolean {
  return workflow.pemohon.some((role) => (role === 'PIMPINAN_UO_PEMILIK' ? tim.ownerUnit.headId : tim.ownerUnit.perangkatDaerah.kepalaId) === actorId);
}

/**
 * The chain's steps with their holders; a step held by the same official as the step before is
 * not asked twice (e.g. where the Penilai dituju also heads the unit, there is no separate recommendation).
 */
export async function chainHolders(tx: Tx, workflow: PelibatanWorkflow, pegawaiId: string) {
  const steps: Array<PelibatanWorkflow['steps'][number] & { assigneeId: string | null }> = [];
  for (const step of workflow.steps) steps.push({ ...step, assigneeId: await resolveDituju(tx, step.performer, pegawaiId) });
  return withoutRepeats(steps);
}

/** Drops a step held by the same official as the step before it: one official decides once. */
export function withoutRepeats<S extends { assigneeId: string | null }>(steps: S[]): S[] {
  return steps.filter((step, index) => !step.assigneeId || steps[index - 1]?.assigneeId !== step.assigneeId);
}
