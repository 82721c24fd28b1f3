import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import { rolePhrase } from '../pengajuan/roleName';
import { involvementCandidates, involvementTeam } from '../pelibatan/involvementChoices';
import { involvementRoute, requireItems, type InvolvementInput } from '../pelibatan/requestInvolvement';
import { issueUnitRequestLetter } from '../surat/unitRequestLetters';
import { notifyUnitRequest } from './unitRequestCard';
import { unitHolder, unitRole, type UnitRequestDetails } from './unitRequestDetails';

export type UnitRequestInput = Omit<InvolvementInput, 'pegawaiId'> & { unitId: string; jumlah: number };

/**
 * WF-2 without a named official (000-SMD format 2: "dengan jumlah … orang"): the owner unit's
 * head asks another unit for a number of its officials. The unit's head (the profile's first
 * role, for the unit as a whole) nominates them or refuses with a reason; nothing is sent when an
 * item is missing, the number exceeds who can be asked, or nobody holds the answering role.
 */
export async function requestFromUnit(ctx: FlowContext, input: UnitRequestInput) {
  const { tx, actor } = ctx;
  const profile = getPolicyProfile(actor.policyProfile);
  requireItems(profile, input);
  const tim = await involvementTeam(ctx, input.timId);
  const candidates = await involvementCandidates(ctx, tim, input.unitId);
  if (candidates.length === 0) throw new Refused('C1', 'penunjukan.bukanKandidat', { citation: profile.penunjukan.DALAM_UO.subjek.citation });
  if (!Number.isInteger(input.jumlah) || input.jumlah < 1 || input.jumlah > candidates.length) {
    throw new Refused('DATA', 'permintaan.jumlahTidakSah', { paling: candidates.length });
  }
  const { scope, workflow } = await involvementRoute(ctx, tim, { homeUnitId: input.unitId });
  const endsOn = zonedMidnight(input.selesai, actor.timeZone);
  if (!(endsOn > ctx.now && endsOn <= tim.endsOn)) throw new Refused('C2', 'penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, actor.timeZone) });
  const performer = unitRole(workflow.steps[0]!.performer);
  const deciderId = await unitHolder(tx, performer, input.unitId);
  if (!deciderId || deciderId === actor.id) throw new Refused('DATA', 'pengajuan.tidakAdaPemutus', { peran: rolePhrase(performer) });
  if (workflow.kepada && !(await unitHolder(tx, unitRole(workflow.kepada), input.unitId))) throw new Refused('DATA', 'pengajuan.tidakAdaPemutus', { peran: rolePhrase(unitRole(workflow.kepada)) });

  const details: UnitRequestDetails = {
    profile: profile.id, maksudTujuan: input.maksudTujuan.trim(), kompetensi: input.kompetensi.trim(), ekspektasi: input.ekspektasi.trim(), citation: workflow.citation,
  };
  const last = await tx.permintaanPegawai.findFirst({ where: { instansiId: actor.instansiId }, orderBy: { number: 'desc' } });
  let request = await tx.permintaanPegawai.create({
    data: {
      instansiId: actor.instansiId, number: (last?.number ?? 0) + 1, status: 'SUBMITTED', requesterId: actor.id, timId: tim.id, targetUnitId: input.unitId,
      scope, jumlah: input.jumlah, deciderId, performer, details: JSON.stringify(details), endsOn, createdAt: ctx.now,
    },
  });
  if (workflow.kepada) {
    const surat = await issueUnitRequestLetter(ctx, request, workflow);
    request = await tx.permintaanPegawai.update({ where: { id: request.id }, data: { details: JSON.stringify({ ...details, suratNomor: surat.nomor }) } });
  }
  await notifyUnitRequest(ctx, request);
  ctx.audit({ action: 'permintaan.ajukan', outcome: 'OK', subject: `permintaan:${request.id}`, rule: workflow.citation, details: { scope, unitId: input.unitId, jumlah: input.jumlah, nomor: request.number } });
  const decider = await tx.pegawai.findUniqueOrThrow({ where: { id: deciderId } });
  return { request, decider };
}
