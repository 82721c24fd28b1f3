import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { teamsLedBy } from '../tim/teamsLedBy';

/** Whose leave the actor may record: their own, and each anggota of a team they lead. */
export async function leaveSubjects(ctx: FlowContext): Promise<Array<{ id: string; name: string }>> {
  // Only teams still running: a former ketua has no say over anyone's leave.
  const members = (await teamsLedBy(ctx)).filter((tim) => tim.endsOn >= ctx.now).flatMap((tim) => tim.memberships.map((m) => m.pegawai));
  const unique = new Map(members.filter((p) => p.id !== ctx.actor.id).map((p) => [p.id, { id: p.id, name: p.name }]));
  return [{ id: ctx.actor.id, name: ctx.actor.name }, ...unique.values()];
}

export async function requireLeaveSubject(ctx: FlowContext, pegawaiId: string): Promise<{ id: string; name: string }> {
  const subject = (await leaveSubjects(ctx)).find((p) => p.id === pegawaiId);
  if (!subject) throw new Refused('C7', 'cuti.bukanAnggota');
  return subject;
}
