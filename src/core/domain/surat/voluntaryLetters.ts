import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { ASSIGNMENT_TITLES, suratPenolakan, suratPersetujuan, suratTugas, type AssignmentDocument, type RefusalReason, type VoluntaryLetterInput } from '../../letters/penugasanLetters';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import type { LoadedRequest } from '../pengajuan/loadRequest';
import { workflowOfRequest } from '../pengajuan/selectWorkflow';
import { issueLetter } from './issueLetter';
import { suratRekomendasi, type RekomendasiInput } from '../../letters/rekomendasiLetter';
import { signingOffice } from './signingOffice';
import { addressLine, tembusanOf } from './tembusan';

const NATIONAL_DASAR = [
  'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi',
];

/** The Dasar of a Surat Tugas: the instansi's own list, or the national rules and the profile's regulation. */
export function dasarOf(configured: string[], regulation: string | null): string[] {
  // Regulations only cite real rules: a profile's own policy ("[PRODUCT] …") is not a Dasar.
  return configured.length > 0 ? configured : [...NATIONAL_DASAR, ...(regulation ? [regulation] : [])];
}

/**
 * What every letter of one voluntary request shares. The letter is the decision of the official
 * whose step it is: a delegate (Plh/Plt) signs "a.n." that official, under that official's kop.
 */
async function common(ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity) {
  const { instansi, settings, signature, office, principal, place, kop, tempatTanggal, unitCode } = await signingOffice(ctx, capacity);
  const applicant = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.pegawaiId }, include: { homeUnit: true } });
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({
    where: { id: request.timId! },
    include: { ownerUnit: { include: { perangkatDaerah: true } }, targets: { orderBy: { createdAt: 'asc' } }, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: true } } },
  });
  const zone = ctx.actor.timeZone;
  const decidedBy = new Set([ctx.actor.id, office.id]);
  // Tembusan: the applicant's own Penilai and own unit head, who must know where their staff works.
  const copies = await tembusanOf(ctx.tx, [applicant.penilaiId, applicant.homeUnit.headId], decidedBy);
  const regulation = getPolicyProfile(instansi.policyProfile).regulation;
  // Samarinda: the target head's letters say when the ketua tim verified the applicant first.
  const recommendation = request.steps.find((s) => s.performer === 'TARGET_KETUA_TIM' && s.kind === 'RECOMMEND' && ['APPROVED', 'ADVISED_AGAINST'].includes(s.status));
  const input: VoluntaryLetterInput = {
    kop, issuedAt: ctx.now, nomor: '', tempatTanggal, instansiName: instansi.name,
    applicant, requestDate: formatDate(request.steps[0]?.pendingSince ?? request.createdAt, zone), team: tim.name,
    ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`,
    signer: signature,
    tembusan: copies.map(addressLine),
    ...(recommendation ? { ketuaTim: { recommended: recommendation.status === 'APPROVED' } } : {}),
  };
  // The letter goes to the applicant, whoever decided, and the tembusan; the official stood in for may fetch it.
  const sendTo = [request.pegawaiId, ctx.actor.id, ...copies.map((p) => p.id)];
  const readers = principal ? [principal.id] : [];
  const dasar = dasarOf(settings.dasarSuratTugas, regulation);
  const menimbang = settings.menimbangRekomendasi.map((item) => item.replaceAll('{perangkatDaerah}', tim.ownerUnit.perangkatDaerah.name));
  return { tim, input, place, dasar, menimbang, sendTo, readers, unitCode };
}

/**
 * Formats 4b and 5 (000-SMD Lamp. BAB III): the ketua tim's Rekomendasi Pelibatan, signed by the
 * ketua, to the applicant and to the target head who decides next.
 */
export async function issueRecommendation(
  ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity, recommendation: RekomendasiInput['recommendation'], nextHolder: string | undefined,
): Promise<void> {
  const { input, dasar, menimbang, readers, unitCode } = await common(ctx, request, capacity);
  await issueLetter(ctx, {
    kind: 'REKOMENDASI', penugasanId: request.id, unitCode, sendTo: [request.pegawaiId, ctx.actor.id, ...(nextHolder ? [nextHolder] : [])], readers,
    build: (nomor) => suratRekomendasi({
      kop: input.kop, issuedAt: ctx.now, nomor, tempatTanggal: input.tempatTanggal, dasar: dasar.filter((d) => !d.startsWith('Undang-Undang')), menimbang,
      requestDate: input.requestDate, applicant: input.applicant, instansiName: input.instansiName, team: input.team, ownerUnit: input.ownerUnit,
      ketua: input.signer, recommendation,
    }),
  });
}

/**
 * The target unit's answer to a request from another unit (formats 3 and 4, 000-SMD Lamp. BAB III):
 * issued at the target's step, since the applicant takes it home. A request within one unit is
 * oral and gets no such letter (issue 6 item 15).
 */
export async function issueTargetAnswer(
  ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity, answer: { approved: true } | { approved: false; reason: RefusalReason },
): Promise<void> {
  const { input: full, sendTo, readers, unitCode } = await common(ctx, request, capacity);
  // The ketua's verification is cited only when the decision follows it: a head deciding against
  // the recommendation does not write that the verification found the opposite.
  const { ketuaTim, ...plain } = full;
  const input = ketuaTim?.recommended === answer.approved ? full : plain;
  // "dari kami" only where the target decides last and so issues the assignment letter itself.
  const assignment = { document: workflowOfRequest(request).document, fromSigner: request.steps.at(-1)!.performer.startsWith('TARGET_') };
  await issueLetter(ctx, {
    kind: answer.approved ? 'PERSETUJUAN' : 'PENOLAKAN', penugasanId: request.id, unitCode, sendTo, readers,
    build: (nomor) => (answer.approved ? suratPersetujuan({ ...input, nomor, assignment }) : suratPenolakan({ ...input, nomor, reason: answer.reason })),
  });
}

/**
 * The request approved at every step: the letter that assigns the official, in the layout of the
 * Surat Tugas with Lampiran 1 (format 6) and titled as the profile names it, signed by the last decider.
 */
export async function issueAssignmentLetter(
  ctx: FlowContext, request: LoadedRequest, capacity: ApproverCapacity, document: AssignmentDocument = 'SURAT_TUGAS', alsoTo: string[] = [],
): Promise<void> {
  const { tim, input, place, dasar, sendTo, readers, unitCode } = await common(ctx, request, capacity);
  const ketua = tim.memberships.filter((m) => m.role === 'KETUA');
  const zone = ctx.actor.timeZone;
  await issueLetter(ctx, {
    kind: document, penugasanId: request.id, unitCode, sendTo: [...sendTo, ...alsoTo], readers: [...readers, ...ketua.map((m) => m.pegawaiId)],
    build: (nomor) => suratTugas({
      ...input, nomor, place, date: formatDate(ctx.now, zone), dasar, title: ASSIGNMENT_TITLES[document],
      ketua: ketua.map((m) => m.pegawai.name).join(', ') || '-',
      members: [...tim.memberships.filter((m) => m.role === 'ANGGOTA').map((m) => m.pegawai.name), input.applicant.name],
      // The assignment runs from now (not from the team's start) to its own last day, else the team's (C2).
      targets: tim.targets, period: `${formatDate(ctx.now, zone)} s.d. ${formatDate(request.endsOn ?? tim.endsOn, zone)}`,
    }),
  });
}
