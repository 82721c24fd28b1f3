import { t } from '../../catalog/t';
import type { LoadedRequest } from './loadRequest';
import { roleName } from './roleName';
import { priorityLabel } from '../priority';
import { getPolicyProfile } from '../../policy/policyProfile';

/** The request as its approvers read it, with the rule that makes this step theirs. */
export function requestSummary(request: LoadedRequest, stepId: string, locale = 'id'): Record<string, string | number> {
  const step = request.steps.find((s) => s.id === stepId)!;
  const details = JSON.parse(request.details) as { motivasi?: string };
  return {
    nomor: request.number, pemohon: request.pegawai.name, nip: request.pegawai.nip, jabatan: request.pegawai.jabatan,
    unitAsal: request.pegawai.homeUnit.name, tim: request.tim?.name ?? '-', unitTujuan: request.tim?.ownerUnit.name ?? '-',
    motivasi: details.motivasi ?? '-', langkah: t(locale, step.kind === 'ACKNOWLEDGE' ? 'langkah.ACKNOWLEDGE' : step.kind === 'RECOMMEND' ? 'langkah.RECOMMEND' : 'langkah.APPROVE'),
    peran: roleName(step.performer, locale), citation: step.citation,
    // Rule P is shown on cross-unit approval cards: the request is for the applicant's second-rank work.
    prioritas: request.tim ? priorityLabel(getPolicyProfile(JSON.parse(request.details).profile as string), request.pegawai.homeUnitId, request.tim.ownerUnitId, locale) : '',
  };
}
