import type { FlowContext } from '../../engine/defineFlow';
import { text } from '../../messages';

/**
 * S12 for an official of another government who accepted (T7): the requesting side knows the
 * request by its own number, not by the other government's assignment number.
 */
export async function joinedAcrossInstansi(ctx: FlowContext, request: { details: string }, tim: string) {
  const { lintasInstansiId } = JSON.parse(request.details) as { lintasInstansiId?: string };
  const inbound = lintasInstansiId ? await ctx.tx.pelibatanLintasInstansi.findUnique({ where: { id: lintasInstansiId } }) : null;
  const outbound = inbound?.counterpartId ? await ctx.tx.pelibatanLintasInstansi.findUnique({ where: { id: inbound.counterpartId } }) : null;
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  return text('lintas.anggotaMenerima', { nama: ctx.actor.name, jabatan: ctx.actor.jabatan, instansi: instansi.name, tim, nomor: outbound?.number ?? '-' });
}
