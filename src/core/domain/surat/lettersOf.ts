import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';

/**
 * The letters the actor may fetch, newest first (of one moment, the unnumbered one first, then by
 * number), `limit` of them from `offset`, and whether older ones remain. A letter of another
 * instansi is theirs too when they are among its recipients (an answer between two governments).
 */
export async function lettersOf(ctx: FlowContext, limit: number, offset = 0) {
  const letters = await ctx.tx.surat.findMany({ where: { OR: [{ instansiId: ctx.actor.instansiId }, { recipients: { contains: ctx.actor.id } }] } });
  // Sorted here: the databases place an unnumbered letter (urutan NULL) differently.
  const order = (a: (typeof letters)[number], b: (typeof letters)[number]) => b.issuedAt.getTime() - a.issuedAt.getTime() || (a.urutan ?? 0) - (b.urutan ?? 0) || a.id.localeCompare(b.id);
  const mine = letters.filter((s) => (JSON.parse(s.recipients) as string[]).includes(ctx.actor.id)).sort(order);
  return { letters: mine.slice(offset, offset + limit), older: mine.length > offset + limit };
}

/** One letter, only for one of its recipients (C7): anyone else is refused and audited. */
export async function letterFor(ctx: FlowContext, suratId: string) {
  const letter = await ctx.tx.surat.findUnique({ where: { id: suratId } });
  if (!letter || !(JSON.parse(letter.recipients) as string[]).includes(ctx.actor.id)) throw new Refused('C7', 'surat.bukanPenerima');
  return letter;
}
