import { nested, type CatalogKey, type Param, type Params } from '../../catalog/t';
import type { LoadedRequest } from './loadRequest';
import { rolePhrase } from './roleName';
import { priorityPhrase } from '../priority';
import { getPolicyProfile } from '../../policy/policyProfile';
import { involvementDetails } from '../pelibatan/involvementWorkflow';
import { formatDate } from '../formatTime';

/** The request as its approvers read it, with the rule that makes this step theirs. */
export function requestSummary(request: LoadedRequest, stepId: string): Params {
  const step = request.steps.find((s) => s.id === stepId)!;
  const details = JSON.parse(request.details) as { motivasi?: string };
  return {
    nomor: request.number, pemohon: request.pegawai.name, nip: request.pegawai.nip, jabatan: request.pegawai.jabatan,
    unitAsal: request.pegawai.homeUnit.name, tim: request.tim?.name ?? '-', unitTujuan: request.tim?.ownerUnit.name ?? '-',
    motivasi: details.motivasi ?? '-', langkah: nested(`langkah.${step.kind}` as 'langkah.APPROVE'),
    peran: rolePhrase(step.performer), citation: step.citation, rekomendasi: recommendationLine(request),
    // Rule P is shown on cross-unit approval cards: the request is for the applicant's second-rank work.
    prioritas: request.tim ? priorityPhrase(getPolicyProfile(JSON.parse(request.details).profile as string), request.pegawai.homeUnitId, request.tim.ownerUnitId) : '',
  };
}

/** Samarinda: the ketua tim's recommendation, once given, is shown to whoever decides after it. */
function recommendationLine(request: LoadedRequest): Param {
  const given = request.steps.find((s) => s.performer === 'TARGET_KETUA_TIM' && s.kind === 'RECOMMEND' && ['APPROVED', 'ADVISED_AGAINST'].includes(s.status));
  if (!given) return '';
  return given.status === 'APPROVED'
    ? nested('pengajuan.rekomendasiKetua', { nama: given.assignee.name })
    : nested('pengajuan.tidakRekomendasiKetua', { nama: given.assignee.name, alasan: given.reason ?? '-' });
}

/**
 * The message an approver reads for a step: a voluntary request, (WF-2) a request by another
 * unit's head for one of the approver's officials, with the four items the request must carry, or
 * (WF-1) the unit head's proposal to designate an official the approver appraises.
 */
export function approvalCard(request: LoadedRequest, stepId: string, timeZone: string): { key: CatalogKey; params: Params } {
  const summary = requestSummary(request, stepId);
  const selesai = request.endsOn ? formatDate(request.endsOn, timeZone) : '-';
  if (request.workflow === 'WF-1') {
    const { ekspektasi } = JSON.parse(request.details) as { ekspektasi: string };
    return { key: 'penunjukan.mohonTerbit', params: { ...summary, pengusul: request.assigner?.name ?? '-', jabatanPengusul: request.assigner?.jabatan ?? '-', ekspektasi, selesai } };
  }
  if (request.workflow !== 'WF-2') return { key: 'pengajuan.mohonPersetujuan', params: summary };
  const details = involvementDetails(request.details);
  return {
    key: 'pelibatan.mohonPersetujuan',
    params: {
      ...summary, peminta: request.assigner?.name ?? '-', jabatanPeminta: request.assigner?.jabatan ?? '-',
      maksud: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi,
      selesai,
    },
  };
}
