import type { Tx } from '../../../db/tx';
import type { Actor } from '../../auth/resolveActor';
import { activeDelegates, requireApprover, type ApproverCapacity } from '../../auth/requireApprover';
import { Refused } from '../../errors';

/** The instansi's Pejabat yang Berwenang: never defined by a regulation, so a role the admin sets (S6). */
export async function pybHolders(tx: Tx, instansiId: string) {
  const rows = await tx.roleHolder.findMany({
    where: { instansiId, role: 'PEJABAT_BERWENANG', pegawai: { active: true } }, include: { pegawai: true }, orderBy: { pegawai: { name: 'asc' } },
  });
  return rows.map((r) => r.pegawai);
}

/** The PyB holders and whoever stands in for one of them today (Plh/Plt, C6), except the request's own parties. */
export async function pybRecipients(tx: Tx, instansiId: string, now: Date, parties: string[]): Promise<string[]> {
  const recipients: string[] = [];
  for (const holder of await pybHolders(tx, instansiId)) {
    if (!parties.includes(holder.id)) recipients.push(holder.id);
    recipients.push(...(await activeDelegates(tx, holder.id, 'PYB', now, parties)));
  }
  return [...new Set(recipients)];
}

/** The actor acts as PyB: they hold the role, or a delegation from a holder valid now. */
export async function requirePyb(tx: Tx, actor: Actor, now: Date): Promise<ApproverCapacity> {
  const holders = await pybHolders(tx, actor.instansiId);
  if (holders.some((h) => h.id === actor.id)) return { onBehalfOf: null };
  for (const holder of holders) {
    try {
      return await requireApprover(tx, actor, { assigneeId: holder.id, performer: 'PYB' }, now);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
  throw new Refused('C7', 'lintas.bukanPyb');
}

/** Who may record the other government's letters: the PyB (or their delegate) and the instansi's admin. */
export async function requireRecorder(tx: Tx, actor: Actor, now: Date): Promise<ApproverCapacity> {
  const admin = await tx.roleHolder.findFirst({ where: { instansiId: actor.instansiId, role: 'ADMIN', pegawaiId: actor.id } });
  if (admin) return { onBehalfOf: null };
  try {
    return await requirePyb(tx, actor, now);
  } catch (error) {
    if (error instanceof Refused) throw new Refused('C7', 'lintas.bukanPencatat');
    throw error;
  }
}
