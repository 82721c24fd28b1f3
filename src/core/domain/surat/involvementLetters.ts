import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { skTimKerja, suratJawabanPelibatan, suratPermohonanPelibatan } from '../../letters/pelibatanLetters';
import { getPolicyProfile, type PelibatanWorkflow } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import type { LoadedRequest } from '../pengajuan/loadRequest';
import { resolveDituju } from '../pelibatan/involvementParties';
import { involvementDetails } from '../pelibatan/involvementWorkflow';
import { dasarOf } from './voluntaryLetters';
import { issueLetter } from './issueLetter';
import { signingOffice } from './signingOffice';
import { addressLine, tembusanOf } from './tembusan';

const NO_DELEGATION: ApproverCapacity = { onBehalfOf: null };

/** The parties of a WF-2 request as its letters name them. */
async function parties(ctx: FlowContext, penugasanId: string) {
  const request = await ctx.tx.penugasan.findUniqueOrThrow({
    where: { id: penugasanId },
    include: {
      pegawai: { include: { homeUnit: { include: { perangkatDaerah: true } } } },
      assigner: true,
      tim: { include: { ownerUnit: { include: { perangkatDaerah: true } }, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: { include: { homeUnit: true } } } } } },
      steps: { orderBy: { position: 'asc' } },
    },
  });
  const tim = request.tim!;
  return {
    request, tim, person: request.pegawai, details: involvementDetails(request.details),
    personUnit: `${request.pegawai.homeUnit.name}, ${request.pegawai.homeUnit.perangkatDaerah.name}`,
    ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`,
    durasi: `${formatDate(request.createdAt, ctx.actor.timeZone)} s.d. ${formatDate(request.endsOn ?? tim.endsOn, ctx.actor.timeZone)}`,
  };
}

/** Format 2: the surat permohonan pelibatan from the owner unit's head, to the profile's addressee and tembusan. */
export async function issueInvolvementRequestLetter(ctx: FlowContext, penugasanId: string, workflow: PelibatanWorkflow) {
  const { request, tim, person, details, personUnit, ownerUnit, durasi } = await parties(ctx, penugasanId);
  const office = await signingOffice(ctx, NO_DELEGATION);
  const addressee = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: (await resolveDituju(ctx.tx, workflow.kepada!, person.id))! } });
  const copyIds = workflow.tembusan.map((role) => (role === 'PENILAI_PEMOHON' ? office.signer.penilaiId : person.penilaiId));
  const copies = await tembusanOf(ctx.tx, copyIds, [addressee.id, ctx.actor.id]);
  const regulation = getPolicyProfile(office.instansi.policyProfile).regulation;
  return issueLetter(ctx, {
    kind: 'PERMOHONAN_PELIBATAN', penugasanId, unitCode: office.unitCode,
    sendTo: [addressee.id, ...copies.map((c) => c.id), ctx.actor.id], readers: request.steps.map((s) => s.assigneeId),
    build: (nomor) => suratPermohonanPelibatan({
      kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, person, personUnit, team: tim.name, ownerUnit,
      signer: office.signature, tembusan: copies.map(addressLine), kepada: addressLine(addressee),
      dasar: regulation ? [regulation] : dasarOf([], null).slice(-1),
      maksudTujuan: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi, durasi, jumlah: 1,
    }),
  });
}

/** The target's written answer to the requesting head: every refusal, and an approval where the profile wants it written. */
export async function issueInvolvementAnswer(
  ctx: FlowContext, loaded: LoadedRequest, capacity: ApproverCapacity, decision: { approved: true } | { approved: false; reason: string },
) {
  const { request, tim, person, details, personUnit, ownerUnit } = await parties(ctx, loaded.id);
  const office = await signingOffice(ctx, capacity);
  const requester = request.assigner!;
  return issueLetter(ctx, {
    kind: 'JAWABAN_PELIBATAN', penugasanId: request.id, unitCode: office.unitCode,
    sendTo: [requester.id, ctx.actor.id], readers: office.principal ? [office.principal.id] : [],
    build: (nomor) => suratJawabanPelibatan({
      kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, person, personUnit, team: tim.name, ownerUnit,
      signer: office.signature, tembusan: [], kepada: addressLine(requester), jumlah: 1,
      requestNomor: details.suratNomor ?? null, requestDate: formatDate(details.requestedAt ? new Date(details.requestedAt) : request.createdAt, ctx.actor.timeZone), decision,
    }),
  });
}

/** Lamandau: the owner's Surat Keputusan Tim Kerja with the team as it will stand, the new member included. */
export async function issueTeamDecree(ctx: FlowContext, penugasanId: string) {
  const { request, tim, person, details, ownerUnit, durasi } = await parties(ctx, penugasanId);
  const office = await signingOffice(ctx, NO_DELEGATION);
  const members = [
    ...tim.memberships.filter((m) => m.pegawaiId !== person.id)
      .sort((a, b) => (a.role === b.role ? a.pegawai.name.localeCompare(b.pegawai.name) : a.role === 'KETUA' ? -1 : 1))
      .map((m) => ({ ...m.pegawai, unit: m.pegawai.homeUnit.name, peran: m.role === 'KETUA' ? 'Ketua' as const : 'Anggota' as const })),
    { ...person, unit: person.homeUnit.name, peran: 'Anggota' as const },
  ];
  const ketua = tim.memberships.filter((m) => m.role === 'KETUA').map((m) => m.pegawaiId);
  return issueLetter(ctx, {
    kind: 'SK_TIM_KERJA', penugasanId: request.id, unitCode: office.unitCode, sendTo: [person.id, ctx.actor.id, ...ketua], readers: [],
    build: (nomor) => skTimKerja({
      kop: office.kop, issuedAt: ctx.now, nomor, place: office.place, date: formatDate(ctx.now, ctx.actor.timeZone), signer: office.signature,
      team: tim.name, ownerUnit, dasar: dasarOf(office.settings.dasarSuratTugas, getPolicyProfile(office.instansi.policyProfile).regulation),
      maksudTujuan: details.maksudTujuan, period: durasi, members, tembusan: [],
    }),
  });
}
