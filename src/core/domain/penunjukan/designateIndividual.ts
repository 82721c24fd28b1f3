import type { FlowContext } from '../../engine/defineFlow';
import { ASSIGNMENT_TITLES, type AssignmentDocument } from '../../letters/penugasanLetters';
import { Refused } from '../../errors';
import { choice, label, text } from '../../messages';
import { getPolicyProfile } from '../../policy/policyProfile';
import { kopFor, placeOf } from '../../letters/letterhead';
import { suratTugasIndividu } from '../../letters/suratTugasIndividu';
import { formatDate } from '../formatTime';
import { readSettings } from '../instansiSettings';
import { PENGAJUAN_FLOW_ID } from '../pengajuan/notifyStep';
import { issueLetter } from '../surat/issueLetter';
import { dasarOf } from '../surat/voluntaryLetters';
import { individualReportRecipients } from '../laporan/individualReportRecipients';

// `selesai` is the midnight after the last working day of the task.
const lastDay = (task: IndividualTask) => new Date(task.selesai.getTime() - 1);


export interface IndividualTask { pegawaiId: string; tugas: string; target: number; satuan: string; selesai: Date }

/**
 * Who may be given an individual task (penugasan secara individu, WF-1 without a team): an active
 * official whose kind of post the profile names (C1) in a unit the actor heads, or whom the actor appraises in their
 * own unit, as the profile's issuer rule allows (the same rule as designation into a team).
 */
export async function individualCandidates(ctx: FlowContext) {
  const { issuer, subjek } = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  const scopes = [
    ...(issuer !== 'PENILAI' ? [{ homeUnit: { headId: ctx.actor.id } }] : []),
    ...(issuer !== 'PIMPINAN_UO' ? [{ homeUnitId: ctx.actor.homeUnitId, penilaiId: ctx.actor.id }] : []),
  ];
  if (scopes.length === 0) return [];
  return ctx.tx.pegawai.findMany({
    where: { instansiId: ctx.actor.instansiId, active: true, jenisJabatan: { in: subjek.jenisJabatan }, id: { not: ctx.actor.id }, OR: scopes },
    include: { homeUnit: { include: { perangkatDaerah: true } } }, orderBy: { name: 'asc' },
  });
}

/** Issues the task with its letter; like a designation into a team, it is active once accepted (T3). */
export async function designateIndividual(ctx: FlowContext, task: IndividualTask): Promise<number> {
  const assignee = (await individualCandidates(ctx)).find((p) => p.id === task.pegawaiId);
  if (!assignee) throw new Refused('C1', 'penunjukan.bukanKandidat', { citation: getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO.subjek.citation });
  if (task.selesai <= ctx.now) throw new Refused('C2', 'individu.selesaiLewat');
  const rule = getPolicyProfile(ctx.actor.policyProfile).penunjukan.DALAM_UO;
  const last = await ctx.tx.penugasan.findFirst({ where: { instansiId: ctx.actor.instansiId }, orderBy: { number: 'desc' } });
  const penugasan = await ctx.tx.penugasan.create({
    data: {
      instansiId: ctx.actor.instansiId, number: (last?.number ?? 0) + 1, workflow: 'WF-1', mode: 'PENUNJUKAN', scope: 'DALAM_UO', status: 'ISSUED',
      pegawaiId: assignee.id, assignerId: ctx.actor.id, ownerUnitId: assignee.homeUnitId, role: 'INDIVIDU', startsOn: ctx.now, endsOn: task.selesai,
      details: JSON.stringify({ tugas: task.tugas, citation: rule.citation }), createdAt: ctx.now,
      targets: { create: [{ subKegiatan: '-', sasaran: task.tugas, indikator: task.tugas, target: task.target, satuan: task.satuan }] },
    },
  });
  await issueIndividualLetter(ctx, penugasan.id, assignee, task, rule.document);
  const answer = { scope: 'action' as const, flowId: PENGAJUAN_FLOW_ID, allowed: [assignee.id], args: { penugasanId: penugasan.id } };
  ctx.notify(assignee.id, choice('individu.masuk', [[
    { label: label('pengajuan.terimaPenugasan'), action: 'terimaPenugasan', style: 'primary', ...answer },
    { label: label('pengajuan.ajukanKeberatan'), action: 'keberatan', ...answer },
  ]], { nomor: penugasan.number, pemberi: ctx.actor.name, tugas: task.tugas, target: task.target, satuan: task.satuan, selesai: formatDate(lastDay(task), ctx.actor.timeZone), citation: rule.citation }));
  ctx.audit({ action: 'penunjukan.individu', outcome: 'OK', rule: rule.citation, subject: `penugasan:${penugasan.id}`, details: { workflow: 'WF-1', pegawaiId: assignee.id } });
  ctx.reply(text('individu.terkirim', { nomor: penugasan.number, nama: assignee.name }));
  return penugasan.number;
}

async function issueIndividualLetter(
  ctx: FlowContext, penugasanId: string, assignee: Awaited<ReturnType<typeof individualCandidates>>[number], task: IndividualTask, document: AssignmentDocument,
): Promise<void> {
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: ctx.actor.instansiId } });
  const settings = readSettings(instansi.settings);
  const signer = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: ctx.actor.id }, include: { homeUnit: { include: { perangkatDaerah: true } } } });
  const zone = ctx.actor.timeZone;
  const place = settings.tempatSurat ?? placeOf(instansi.name);
  const reportTo = await individualReportRecipients(ctx.tx, ctx.actor.policyProfile, assignee);
  const regulation = getPolicyProfile(instansi.policyProfile).regulation;
  await issueLetter(ctx, {
    kind: document, penugasanId, unitCode: signer.homeUnit.perangkatDaerah.code, sendTo: [assignee.id, ctx.actor.id], readers: reportTo.map((r) => r.pegawaiId),
    build: (nomor) => suratTugasIndividu({
      kop: kopFor(instansi.letterhead, signer.homeUnit.perangkatDaerah.name), issuedAt: ctx.now, nomor, tempatTanggal: `${place}, ${formatDate(ctx.now, zone)}`,
      instansiName: instansi.name, applicant: assignee, ownerUnit: `${assignee.homeUnit.name}, ${assignee.homeUnit.perangkatDaerah.name}`,
      signer, tembusan: [], dasar: dasarOf(settings.dasarSuratTugas, regulation), task: task.tugas, target: task.target, satuan: task.satuan,
      period: `${formatDate(ctx.now, zone)} s.d. ${formatDate(lastDay(task), zone)}`, reportTo: reportTo.map((r) => `${r.jabatan} (${r.name})`),
      place, date: formatDate(ctx.now, zone), title: ASSIGNMENT_TITLES[document],
    }),
  });
}
