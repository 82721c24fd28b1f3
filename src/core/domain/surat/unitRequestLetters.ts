import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { suratJawabanPelibatan, suratPermohonanPelibatan, type JawabanPelibatanInput } from '../../letters/pelibatanLetters';
import { getPolicyProfile, type PelibatanWorkflow } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { readUnitRequest, unitHolder, unitRole } from '../permintaan/unitRequestDetails';
import { dasarOf } from './voluntaryLetters';
import { issueLetter } from './issueLetter';
import { signingOffice } from './signingOffice';
import { addressLine, tembusanOf } from './tembusan';

type UnitRequest = { id: string; requesterId: string; timId: string; targetUnitId: string; jumlah: number; deciderId: string; details: string; endsOn: Date; createdAt: Date };

/** The parties of a request for a number of a unit's officials, as its letters name them. */
async function parties(ctx: FlowContext, request: UnitRequest) {
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: request.timId }, include: { ownerUnit: { include: { perangkatDaerah: true } } } });
  const unit = await ctx.tx.unitOrganisasi.findUniqueOrThrow({ where: { id: request.targetUnitId }, include: { perangkatDaerah: true } });
  return {
    tim, details: readUnitRequest(request.details), personUnit: `${unit.name}, ${unit.perangkatDaerah.name}`,
    ownerUnit: `${tim.ownerUnit.name}, ${tim.ownerUnit.perangkatDaerah.name}`,
  };
}

/**
 * Format 2 asking for "jumlah … orang" of a unit without naming them, to the profile's addressee
 * for the unit as a whole. The named-official tembusan ("Penilai dituju") is the unit's head then.
 */
export async function issueUnitRequestLetter(ctx: FlowContext, request: UnitRequest, workflow: PelibatanWorkflow) {
  const { tim, details, personUnit, ownerUnit } = await parties(ctx, request);
  const office = await signingOffice(ctx, { onBehalfOf: null });
  const addressee = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: (await unitHolder(ctx.tx, unitRole(workflow.kepada!), request.targetUnitId))! } });
  const unitHead = await unitHolder(ctx.tx, 'DITUJU_PIMPINAN_UO', request.targetUnitId);
  const copies = await tembusanOf(ctx.tx, workflow.tembusan.map((role) => (role === 'PENILAI_PEMOHON' ? office.signer.penilaiId : unitHead)), [addressee.id, ctx.actor.id]);
  const regulation = getPolicyProfile(office.instansi.policyProfile).regulation;
  return issueLetter(ctx, {
    kind: 'PERMOHONAN_PELIBATAN', penugasanId: null, unitCode: office.unitCode,
    sendTo: [addressee.id, ...copies.map((c) => c.id), ctx.actor.id], readers: [request.deciderId],
    build: (nomor) => suratPermohonanPelibatan({
      kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, person: null, personUnit, jumlah: request.jumlah, team: tim.name, ownerUnit,
      signer: office.signature, tembusan: copies.map(addressLine), kepada: addressLine(addressee),
      dasar: regulation ? [regulation] : dasarOf([], null).slice(-1),
      maksudTujuan: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi,
      durasi: `${formatDate(request.createdAt, ctx.actor.timeZone)} s.d. ${formatDate(request.endsOn, ctx.actor.timeZone)}`,
    }),
  });
}

/**
 * The written answer to the requesting head: every refusal, with its reason (every regulation:
 * "dengan alasan"), and an approval naming the nominees where the profile answers in writing (LMD Ps 23(5)).
 */
export async function issueUnitRequestAnswer(ctx: FlowContext, request: UnitRequest, capacity: ApproverCapacity, decision: JawabanPelibatanInput['decision']) {
  const { tim, details, personUnit, ownerUnit } = await parties(ctx, request);
  const office = await signingOffice(ctx, capacity);
  const requester = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.requesterId } });
  return issueLetter(ctx, {
    kind: 'JAWABAN_PELIBATAN', penugasanId: null, unitCode: office.unitCode,
    sendTo: [requester.id, ctx.actor.id], readers: office.principal ? [office.principal.id] : [],
    build: (nomor) => suratJawabanPelibatan({
      kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, person: null, personUnit, jumlah: request.jumlah, team: tim.name, ownerUnit,
      signer: office.signature, tembusan: [], kepada: addressLine(requester),
      requestNomor: details.suratNomor ?? null, requestDate: formatDate(request.createdAt, ctx.actor.timeZone), decision,
    }),
  });
}
