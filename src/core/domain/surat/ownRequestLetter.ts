import type { FlowContext } from '../../engine/defineFlow';
import { placeOf } from '../../letters/letterhead';
import { suratPermohonanIndividu } from '../../letters/permohonanIndividuLetter';
import { getPolicyProfile } from '../../policy/policyProfile';
import type { PlatformFile } from '../../messages';
import type { Lingkup } from '../enums';
import { selectWorkflow } from '../pengajuan/selectWorkflow';
import { formatDate } from '../formatTime';
import { readSettings } from '../instansiSettings';
import { loadRequest } from '../pengajuan/loadRequest';
import { issueLetter } from './issueLetter';
import { dasarOf } from './voluntaryLetters';
import { addressLine, tembusanOf } from './tembusan';

const ADDRESSEES = ['TARGET_PIMPINAN_UO', 'TARGET_KEPALA_PD'];

/**
 * Format 1 (000-SMD Lamp. BAB III): the official's own surat permohonan pelibatan to the head of
 * the unit they ask to join, for a request across units (one within the unit is oral, item 15).
 * It goes when the request reaches the target unit: at once in Samarinda, after the Penilai's
 * acknowledgement where the letter is "diketahui oleh Pejabat Penilai Kinerja" (TBB, MGL: with
 * their Mengetahui block), after the home approval in Lamandau ("atas persetujuan").
 */
export async function issueOwnRequestLetter(ctx: FlowContext, penugasanId: string): Promise<void> {
  const request = await loadRequest(ctx.tx, penugasanId);
  if (request.mode !== 'PENGAJUAN_SUKARELA' || request.scope === 'DALAM_UO' || !request.tim) return;
  const addresseeStep = request.steps.find((s) => ADDRESSEES.includes(s.performer));
  if (!addresseeStep) return;
  const instansi = await ctx.tx.instansi.findUniqueOrThrow({ where: { id: request.instansiId } });
  const settings = readSettings(instansi.settings);
  const applicant = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId }, include: { homeUnit: true } });
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.tim.id }, include: { ownerUnit: { include: { perangkatDaerah: true } } } });
  const addressee = addresseeStep.assignee;
  const acknowledgement = request.steps.find((s) => s.kind === 'ACKNOWLEDGE' && s.status === 'APPROVED' && s.decidedById);
  const knower = acknowledgement ? await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: acknowledgement.decidedById! } }) : null;
  const principal = acknowledgement?.onBehalfOf ? await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: acknowledgement.onBehalfOf } }) : null;
  // Tembusan (Lamp. BAB II.B.10.b.ii): the applicant's own Penilai and unit head, unless they already sign or receive it;
  // then whoever the profile's template adds by role (Samarinda format 1: the Kepala Bagian Organisasi Setda).
  const { suratPemohon } = selectWorkflow(getPolicyProfile(instansi.policyProfile), request.scope as Lingkup) ?? {};
  const byRole = await ctx.tx.roleHolder.findMany({ where: { instansiId: instansi.id, role: { in: suratPemohon?.tembusan ?? [] }, pegawai: { active: true } }, orderBy: { pegawai: { name: 'asc' } } });
  const copies = await tembusanOf(ctx.tx, [applicant.penilaiId, applicant.homeUnit.headId, ...byRole.map((r) => r.pegawaiId)], [addressee.id, applicant.id, ...(knower ? [knower.id] : []), ...(principal ? [principal.id] : [])]);
  const regulation = getPolicyProfile(instansi.policyProfile).regulation;
  const { motivasi = '-', lampiran = [] } = JSON.parse(request.details) as { motivasi?: string; lampiran?: PlatformFile[] };
  await issueLetter(ctx, {
    kind: 'PERMOHONAN_INDIVIDU', penugasanId: request.id, unitCode: '', numbered: false,
    sendTo: [addressee.id, applicant.id, ...copies.map((c) => c.id)], readers: request.steps.map((s) => s.assigneeId),
    build: () => suratPermohonanIndividu({
      issuedAt: ctx.now, tempatTanggal: `${settings.tempatSurat ?? placeOf(instansi.name)}, ${formatDate(ctx.now, ctx.actor.timeZone)}`,
      dasar: regulation ?? dasarOf([], null).at(-1)!, applicant, instansiName: instansi.name,
      kepada: addressLine(addressee), team: tim.name, ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`,
      motivasi, tembusan: copies.map(addressLine), berkas: lampiran.length,
      ...(knower ? { mengetahui: { ...knower, ...(principal ? { atasNama: `a.n. ${principal.jabatan.toUpperCase()},` } : {}) } } : {}),
    }),
  });
  // The CV and documents go with the letter to the head it is addressed to.
  for (const file of lampiran) ctx.notify(addressee.id, { kind: 'attachment', file, caption: { key: 'pengajuan.lampiranPemohon', params: { nama: applicant.name, nomor: request.number } } });
}

/** Whether the steps now opening are the first to reach the target unit: then its head gets format 1. */
export function reachesTarget(opening: Array<{ performer: string; position: number }>, steps: Array<{ performer: string; position: number }>): boolean {
  const first = steps.filter((s) => s.performer.startsWith('TARGET_')).sort((a, b) => a.position - b.position)[0];
  return !!first && opening.some((s) => s.position === first.position);
}
