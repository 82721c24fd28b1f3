import type { FlowContext } from '../../engine/defineFlow';
import { nested } from '../../catalog/t';
import { Refused } from '../../errors';
import { text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { startOfZonedDay } from '../zonedTime';

/**
 * The team an official names by its code instead of picking it from the list (issue 6 item 3):
 * "KODE" in their own instansi, "INSTANSI/KODE" in another government this deployment serves.
 * A team of another government is refused with the profile's rule (AC-40): voluntary requests
 * never leave the instansi. Null, with the reason already told, when the team cannot be asked for.
 */
export async function volunteerTeamByCode(ctx: FlowContext, input: string) {
  const typed = input.trim();
  const [instansiCode, timCode] = typed.includes('/') ? typed.split('/', 2).map((s) => s.trim()) : [null, typed];
  const instansi = instansiCode ? { code: instansiCode } : { id: ctx.actor.instansiId };
  const tim = await ctx.tx.timKerja.findFirst({ where: { code: timCode!, instansi }, include: { ownerUnit: true, instansi: true } })
    ?? await ctx.tx.timKerja.findFirst({ where: { code: timCode!.toUpperCase(), instansi }, include: { ownerUnit: true, instansi: true } });
  if (!tim) {
    ctx.reply(text('pengajuan.kodeTidakDikenal', { kode: typed }));
    return null;
  }
  if (tim.instansiId !== ctx.actor.instansiId) {
    const { batasInstansi } = getPolicyProfile(ctx.actor.policyProfile).sukarela;
    throw new Refused('WF-5', 'pengajuan.timInstansiLain', {
      nama: tim.name, instansi: tim.instansi.name, citation: batasInstansi.citation,
      kutipan: batasInstansi.kutipan ? nested('pengajuan.kutipanAturan', { kutipan: batasInstansi.kutipan }) : '',
    });
  }
  const shown = { nama: tim.name, unit: tim.ownerUnit.name };
  if (tim.endsOn < startOfZonedDay(ctx.now, ctx.actor.timeZone)) ctx.reply(text('pengajuan.timSudahSelesai', { ...shown, selesai: formatDate(tim.endsOn, ctx.actor.timeZone) }));
  else if (!tim.openToVolunteers) ctx.reply(text('pengajuan.timTidakTerbuka', shown));
  else if (await ctx.tx.membership.count({ where: { timId: tim.id, pegawaiId: ctx.actor.id, status: 'ACTIVE' } })) ctx.reply(text('pengajuan.sudahAnggotaTim', shown));
  else return tim;
  return null;
}
