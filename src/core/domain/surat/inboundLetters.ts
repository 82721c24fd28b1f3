import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import { suratJawabanAntarInstansi } from '../../letters/lintasInstansiLetters';
import { ASSIGNMENT_TITLES, suratTugas, type AssignmentDocument, type LetterPerson } from '../../letters/penugasanLetters';
import { getPolicyProfile } from '../../policy/policyProfile';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import type { ExternalOfficial, LintasRequest } from '../lintasInstansi/lintasDetails';
import { readInboundDetails } from '../lintasInstansi/lintasDetails';
import { pybHolders, pybRecipients } from '../lintasInstansi/pejabatBerwenang';
import { issueLetter } from './issueLetter';
import { signingOffice } from './signingOffice';
import { addressLine, tembusanOf } from './tembusan';
import { dasarOf } from './voluntaryLetters';

/** Who on the requesting side gets our letters: its PyB (or their Plh) and the head who asked. */
async function requestingSide(ctx: FlowContext, outbound: LintasRequest) {
  return [...(await pybRecipients(ctx.tx, outbound.instansiId, ctx.now, [])), outbound.requesterId!];
}

/** Our written answer to the requesting PyB: the officials assigned, or why there are none (S14). */
export async function issueInboundAnswer(
  ctx: FlowContext, inbound: LintasRequest, outbound: LintasRequest, capacity: ApproverCapacity,
  decision: { tersedia: true; daftar: ExternalOfficial[] } | { tersedia: false; reason: string; ditolak?: boolean },
) {
  const office = await signingOffice(ctx, capacity);
  const details = readInboundDetails(inbound.details);
  return issueLetter(ctx, {
    kind: 'JAWABAN_ANTAR_INSTANSI', penugasanId: null, unitCode: office.unitCode,
    sendTo: [ctx.actor.id, ...(await requestingSide(ctx, outbound))], readers: (await pybHolders(ctx.tx, inbound.instansiId)).map((p) => p.id),
    build: (nomor) => suratJawabanAntarInstansi({
      kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, signer: office.signature,
      kepada: `Pejabat yang Berwenang pada ${inbound.targetName}`, tembusan: [], team: details.team, ownerUnit: details.ownerUnit,
      ownInstansi: inbound.targetName, targetInstansi: office.instansi.name, rujukan: details.suratMasuk, decision,
    }),
  });
}

/**
 * SMD step 5: the surat penugasan for each official named, filed with their assignment, from the unit
 * head, with tembusan to both PyB and the official's Penilai. The team belongs to the other
 * government: its table comes from there.
 */
export async function issueInboundAssignments(
  ctx: FlowContext, inbound: LintasRequest, outbound: LintasRequest, capacity: ApproverCapacity, document: AssignmentDocument,
  assignments: Array<{ official: LetterPerson & { id: string; penilaiId: string | null }; penugasan: { id: string } }>,
) {
  const office = await signingOffice(ctx, capacity);
  const details = readInboundDetails(inbound.details);
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({
    where: { id: outbound.timId! },
    include: { targets: { orderBy: { createdAt: 'asc' } }, memberships: { where: { status: 'ACTIVE', role: 'KETUA' }, include: { pegawai: true } } },
  });
  const officials = assignments.map((a) => a.official);
  const tz = ctx.actor.timeZone;
  const date = formatDate(ctx.now, tz);
  const letters = [];
  for (const { official, penugasan } of assignments) {
    const penilai = await tembusanOf(ctx.tx, [official.penilaiId], [ctx.actor.id]);
    const tembusan = [`Pejabat yang Berwenang pada ${office.instansi.name}`, ...penilai.map(addressLine), `Pejabat yang Berwenang pada ${inbound.targetName}`];
    letters.push(await issueLetter(ctx, {
      kind: document, penugasanId: penugasan.id, unitCode: office.unitCode,
      sendTo: [official.id, ctx.actor.id, ...penilai.map((p) => p.id), ...(await pybRecipients(ctx.tx, inbound.instansiId, ctx.now, [])), ...(await requestingSide(ctx, outbound))],
      readers: [],
      build: (nomor) => suratTugas({
        kop: office.kop, issuedAt: ctx.now, nomor, tempatTanggal: office.tempatTanggal, instansiName: office.instansi.name, applicant: official,
        requestDate: details.suratMasuk.tanggal, team: details.team, ownerUnit: `${details.ownerUnit}, ${inbound.targetName}`, signer: office.signature, tembusan,
        dasar: dasarOf(office.settings.dasarSuratTugas, getPolicyProfile(office.instansi.policyProfile).regulation),
        ketua: tim.memberships.map((m) => m.pegawai.name).join(', ') || '-', targets: tim.targets, members: officials.map((o) => o.name),
        period: `${date} s.d. ${formatDate(zonedMidnight(details.selesai, tz), tz)}`, place: office.place, date, title: ASSIGNMENT_TITLES[document],
      }),
    }));
  }
  return letters;
}
