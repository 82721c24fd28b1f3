import { nested, type Params } from '../../catalog/t';
import type { LoadedRequest } from './loadRequest';
import { rolePhrase } from './roleName';
import { priorityPhrase } from '../priority';
import { getPolicyProfile } from '../../policy/policyProfile';

/** The request as its approvers read it, with the rule that makes this step theirs. */
export function requestSummary(request: LoadedRequest, stepId: string): Params {
  const step = request.steps.find((s) => s.id === stepId)!;
  const details = JSON.parse(request.details) as { motivasi?: string };
  return {
    nomor: request.number, pemohon: request.pegawai.name, nip: request.pegawai.nip, jabatan: request.pegawai.jabatan,
    unitAsal: request.pegawai.homeUnit.name, tim: request.tim?.name ?? '-', unitTujuan: request.tim?.ownerUnit.name ?? '-',
    motivasi: details.motivasi ?? '-', langkah: nested(step.kind === 'ACKNOWLEDGE' ? 'langkah.ACKNOWLEDGE' : step.kind === 'RECOMMEND' ? 'langkah.RECOMMEND' : 'langkah.APPROVE'),
    peran: rolePhrase(step.performer), citation: step.citation,
    // Rule P is shown on cross-unit approval cards: the request is for the applicant's second-rank work.
    prioritas: request.tim ? priorityPhrase(getPolicyProfile(JSON.parse(request.details).profile as string), request.pegawai.homeUnitId, request.tim.ownerUnitId) : '',
  };
}
