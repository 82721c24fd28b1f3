import type { Tx } from '../../../db/tx';
import type { PolicyProfile } from '../../policy/policyProfile';

/**
 * WF-9 (domain-spec Appendix B): the reviewers of a result, first to final acceptor, derived from
 * the owner unit's type and the unit tree, never from rank. The submitter never reviews their own.
 */
export async function reviewChain(tx: Tx, profile: PolicyProfile, ownerUnitId: string, submitter: { id: string; penilaiId: string | null }): Promise<string[]> {
  const unit = await tx.unitOrganisasi.findUniqueOrThrow({ where: { id: ownerUnitId }, include: { parent: { include: { parent: true } } } });
  const steps = profile.evaluasi.chains[unit.unitType] ?? profile.evaluasi.chains.DEFAULT ?? ['UNIT'];
  const holders = {
    UNIT: unit.headId, PARENT: unit.parent?.headId ?? null, GRANDPARENT: unit.parent?.parent?.headId ?? null, SUBMITTER_PENILAI: submitter.penilaiId,
  };
  const chain: string[] = [];
  for (const step of steps) {
    const id = holders[step];
    if (id && id !== submitter.id && chain.at(-1) !== id) chain.push(id);
  }
  return chain;
}
