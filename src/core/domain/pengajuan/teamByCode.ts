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
  const find = (code: string, instansi: { code: string } | { id: string }) => ctx.tx.timKerja.findFirst({ where: { code, instansi }, include: { ownerUnit: true, instansi: true } });
  // Codes are matched as typed, then as the import usually writes them (team codes upper case, instansi codes lower case).
  const tim = instansiCode
    ? await find(timCode!, { code: instansiCode }) ?? await find(timCode!.toUpperCase(), { code: instansiCode.toLowerCase() })
    : await find(timCode!, { id: ctx.actor.instansiId }) ?? await find(timCode!.toUpperCase(), { id: ctx.actor.instansiId });
  if (!tim) {
    ctx.reply(text('pengajuan.kodeTidakDikenal', { kode: typed }));
    return null;
  }
  if (tim.instansiId !== ctx.actor.instansiId) {
    const { batasInstansi } = getPolicyProfile(ctx.actor.policyProfile).sukarela;
    // Another government's team is not described here: its code and owner suffice for the refusal.
    throw new Refused('WF-5', 'pengajuan.timInstansiLain', {
      kode: typed, instansi: tim.instansi.name, citation: batasInstansi.citation,
      kutipan: batasInstansi.kutipan ? nested('pengajuan.kutipanAturan', { kutipan: batasInstansi.kutipan }) : '',
    });
  }
  const shown = { tim: tim.name, unit: tim.ownerUnit.name };
  if (tim.endsOn < startOfZonedDay(ctx.now, ctx.actor.timeZone)) ctx.reply(text('pengajuan.timSudahSelesai', { ...shown, selesai: formatDate(tim.endsOn, ctx.actor.timeZone) }));
  else if (!tim.openToVolunteers) ctx.reply(text('pengajuan.timTidakTerbuka', shown));
  else if (await ctx.tx.membership.count({ where: { timId: tim.id, pegawaiId: ctx.actor.id, status: 'ACTIVE' } })) ctx.reply(text('pengajuan.sudahAnggotaTim', shown));
  else return tim;
  return null;
}
