import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';

/** The letters the actor may fetch, newest first. */
export async function lettersOf(ctx: FlowContext, limit: number) {
  const letters = await ctx.tx.surat.findMany({ where: { instansiId: ctx.actor.instansiId }, orderBy: { issuedAt: 'desc' } });
  return letters.filter((s) => (JSON.parse(s.recipients) as string[]).includes(ctx.actor.id)).slice(0, limit);
}

/** One letter, only for one of its recipients (C7): anyone else is refused and audited. */
export async function letterFor(ctx: FlowContext, suratId: string) {
  const letter = await ctx.tx.surat.findFirst({ where: { id: suratId, instansiId: ctx.actor.instansiId } });
  if (!letter || !(JSON.parse(letter.recipients) as string[]).includes(ctx.actor.id)) throw new Refused('C7', 'surat.bukanPenerima');
  return letter;
}
