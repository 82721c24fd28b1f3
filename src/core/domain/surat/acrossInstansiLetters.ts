import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { suratPermohonanAntarInstansi, suratPermohonanKePyb, type PermohonanLintasInstansiInput } from '../../letters/lintasInstansiLetters';
import { skTimKerja } from '../../letters/pelibatanLetters';
import type { LintasInstansiWorkflow } from '../../policy/lintasInstansiSchema';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import { readLintasDetails, type LintasRequest } from '../lintasInstansi/lintasDetails';
import { pybHolders, pybRecipients } from '../lintasInstansi/pejabatBerwenang';
import { issueLetter } from './issueLetter';
import { signingOffice } from './signingOffice';
import { addressLine, tembusanOf } from './tembusan';
import { dasarOf } from './voluntaryLetters';

const NO_DELEGATION: ApproverCapacity = { onBehalfOf: null };

/** Who the PyB's letter is for in the other government, as the profile names it (LMD: its Pimpinan UO). */
const targetOffice = (kepada: LintasInstansiWorkflow['kepadaLuar'], target: string) => (kepada === 'PYB_TUJUAN'
  ? `Pejabat yang Berwenang pada ${target}`
  : `Pimpinan Unit Organisasi tempat Pejabat Fungsional dan/atau Pelaksana yang dibutuhkan berada, pada ${target}`);

/** The content both requests carry: the team, the four items (domain-spec §5.7) and how many are asked for. */
function content(ctx: FlowContext, request: LintasRequest, regulation: string | null) {
  const details = readLintasDetails(request.details);
  const tz = ctx.actor.timeZone;
  return {
    details,
    fields: {
      team: details.team, ownerUnit: details.ownerUnit, ownInstansi: details.ownInstansi, targetInstansi: request.targetName,
      dasar: dasarOf([], regulation), maksudTujuan: details.maksudTujuan, kompetensi: details.kompetensi, ekspektasi: details.ekspektasi,
      durasi: `${formatDate(request.createdAt, tz)} s.d. ${formatDate(zonedMidnight(details.selesai, tz), tz)}`, jumlah: details.jumlah,
    } satisfies Omit<PermohonanLintasInstansiInput, 'kop' | 'issuedAt' | 'nomor' | 'tempatTanggal' | 'signer' | 'kepada' | 'tembusan'>,
  };
}

/** T1: the owner unit's head to the own PyB, tembusan as the profile says (AC-22). */
export async function issueLintasRequestLetter(ctx: FlowContext, request: LintasRequest, workflow: LintasInstansiWorkflow) {
  const office = await signingOffice(ctx, NO_DELEGATION);
  const [pyb] = await pybHolders(ctx.tx, ctx.actor.instansiId);
  const copies = await tembusanOf(ctx.tx, workflow.tembusan.map((role) => (role === 'PENILAI_PEMOHON' ? office.signer.penilaiId : null)), [pyb!.id, ctx.actor.id]);
  const outside = workflow.tembusan.includes('PIMPINAN_UO_TUJUAN') ? [targetOffice('PIMPINAN_UO_TUJUAN', request.targetName)] : [];
  const { fields } = content(ctx, request, getPolicyProfile(office.instansi.policyProfile).regulation);
  return issueLetter(ctx, {
    kind: 'PERMOHONAN_LINTAS_INSTANSI', penugasanId: null, unitCode: office.unitCode,
    sendTo: [...(await pybRecipients(ctx.tx, ctx.actor.instansiId, ctx.now, [ctx.actor.id])), ...copies.map((c) => c.id), ctx.actor.id], readers: [],
    build: (nomor) => suratPermohonanKePyb({
      ...fields, kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, signer: office.signature,
      kepada: `Pejabat yang Berwenang pada ${fields.ownInstansi} (${pyb!.name})`, tembusan: [...copies.map(addressLine), ...outside],
      diteruskanKepada: targetOffice(workflow.kepadaLuar, request.targetName),
    }),
  });
}

/** T2: the PyB's own letter to the other government, referring to the head's request; the head is copied. `receivers` get it in their chats (the other government runs timkerja too). */
export async function issueLintasOutboundLetter(ctx: FlowContext, request: LintasRequest, capacity: ApproverCapacity, receivers: string[]) {
  const office = await signingOffice(ctx, capacity);
  const { details, fields } = content(ctx, request, getPolicyProfile(office.instansi.policyProfile).regulation);
  const workflow = getPolicyProfile(details.profile).penunjukan.LINTAS_INSTANSI;
  const requester = await ctx.tx.pegawai.findUniqueOrThrow({ where: { id: request.requesterId! } });
  return issueLetter(ctx, {
    kind: 'PERMOHONAN_ANTAR_INSTANSI', penugasanId: null, unitCode: office.unitCode,
    sendTo: [ctx.actor.id, requester.id, ...receivers], readers: office.principal ? [office.principal.id] : [],
    build: (nomor) => suratPermohonanAntarInstansi({
      ...fields, kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, signer: office.signature,
      kepada: targetOffice(workflow.workflow === 'WF-3' ? workflow.kepadaLuar : 'PYB_TUJUAN', request.targetName), tembusan: [addressLine(requester)],
      rujukan: { nomor: details.suratPermohonan?.nomor ?? '-', tanggal: details.suratPermohonan?.tanggal ?? formatDate(request.createdAt, ctx.actor.timeZone), pemohon: addressLine(requester) },
    }),
  });
}

/** Lamandau: the owner's SK Tim Kerja with the officials the other government approved in its lampiran. */
export async function issueLintasTeamDecree(ctx: FlowContext, request: LintasRequest) {
  const office = await signingOffice(ctx, NO_DELEGATION);
  const { details, fields } = content(ctx, request, getPolicyProfile(office.instansi.policyProfile).regulation);
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({
    where: { id: request.timId! }, include: { ownerUnit: true, memberships: { where: { status: 'ACTIVE' }, include: { pegawai: { include: { homeUnit: true } } } } },
  });
  const members = [
    ...tim.memberships.sort((a, b) => (a.role === b.role ? a.pegawai.name.localeCompare(b.pegawai.name) : a.role === 'KETUA' ? -1 : 1))
      .map((m) => ({ ...m.pegawai, unit: m.pegawai.homeUnit.name, peran: m.role === 'KETUA' ? 'Ketua' as const : 'Anggota' as const })),
    ...(details.daftar ?? []).map((o) => ({ ...o, unit: `${o.unit}, ${request.targetName}`, peran: 'Anggota' as const })),
  ];
  const told = [ctx.actor.id, request.requesterId!, ...tim.memberships.filter((m) => m.role === 'KETUA').map((m) => m.pegawaiId), ...(tim.ownerUnit.headId ? [tim.ownerUnit.headId] : [])];
  return issueLetter(ctx, {
    kind: 'SK_TIM_KERJA', penugasanId: null, unitCode: office.unitCode, sendTo: told, readers: [],
    build: (nomor) => skTimKerja({
      kop: office.kop, issuedAt: ctx.now, nomor, place: office.place, date: formatDate(ctx.now, ctx.actor.timeZone), signer: office.signature,
      team: fields.team, ownerUnit: fields.ownerUnit, dasar: dasarOf(office.settings.dasarSuratTugas, getPolicyProfile(office.instansi.policyProfile).regulation),
      maksudTujuan: fields.maksudTujuan, period: fields.durasi, members, tembusan: [],
    }),
  });
}
