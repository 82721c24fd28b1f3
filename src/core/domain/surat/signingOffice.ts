import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { kopFor, placeOf } from '../../letters/letterhead';
import { formatDate } from '../formatTime';
import { readSettings } from '../instansiSettings';

/**
 * Who signs a letter and under which kop: the actor, or, when a delegate (Plh/Plt) acts, the
 * official they stand in for, whose office the letter comes from ("a.n." above the delegate's name).
 */
export async function signingOffice(ctx: FlowContext, capacity: ApproverCapacity) {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const settings = readSettings(instansi.settings);
  const withUnit = { homeUnit: { include: { perangkatDaerah: true } } } as const;
  const signer = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: ctx.actor.id }, include: withUnit });
  const principal = capacity.onBehalfOf ? await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: capacity.onBehalfOf.id }, include: withUnit }) : null;
  const office = principal ?? signer;
  const place = settings.tempatSurat ?? placeOf(instansi.name);
  return {
    instansi, settings, signer, principal, office, place,
    kop: kopFor(instansi.letterhead, office.homeUnit.perangkatDaerah.name),
    tempatTanggal: `${place}, ${formatDate(ctx.now, ctx.actor.timeZone)}`,
    signature: { ...signer, ...(principal ? { atasNama: `a.n. ${principal.jabatan.toUpperCase()},` } : {}) },
    unitCode: office.homeUnit.perangkatDaerah.code,
  };
}
