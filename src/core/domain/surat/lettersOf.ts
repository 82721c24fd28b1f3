import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';

/** The letters the actor may fetch, newest first; of one moment, the unnumbered one first, then by number. */
export async function lettersOf(ctx: FlowContext, limit: number) {
  const letters = await ctx.tx.surat.findMany({ where: { instansiId: ctx.actor.instansiId } });
  // Sorted here: the databases place an unnumbered letter (urutan NULL) differently.
  const order = (a: (typeof letters)[number], b: (typeof letters)[number]) => b.issuedAt.getTime() - a.issuedAt.getTime() || (a.urutan ?? 0) - (b.urutan ?? 0);
  return letters.filter((s) => (JSON.parse(s.recipients) as string[]).includes(ctx.actor.id)).sort(order).slice(0, limit);
}

/** One letter, only for one of its recipients (C7): anyone else is refused and audited. */
export async function letterFor(ctx: FlowContext, suratId: string) {
  const letter = await ctx.tx.surat.findFirst({ where: { id: suratId, instansiId: ctx.actor.instansiId } });
  if (!letter || !(JSON.parse(letter.recipients) as string[]).includes(ctx.actor.id)) throw new Refused('C7', 'surat.bukanPenerima');
  return letter;
}
