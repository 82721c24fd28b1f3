import type { ApproverCapacity } from '../../auth/requireApprover';
import type { FlowContext } from '../../engine/defineFlow';
import type { AssignmentDocument } from '../../letters/penugasanLetters';
import { issueInboundAssignments } from '../surat/inboundLetters';
import { offerAssignment } from '../penunjukan/offerAssignment';
import { zonedMidnight } from '../zonedTime';
import { readInboundDetails, type LintasRequest } from './lintasDetails';

/**
 * T6-T7 when both governments run timkerja: each official our unit head named gets an assignment
 * of ours (WF-3) into the requesting government's team, with its surat penugasan, and confirms it
 * with "Terima" before it is active (item 10); only then are they a member of that team and report
 * to its ketua. We issue it, so a keberatan and a cancellation are ours (S3, S4).
 */
export async function assignInbound(
  ctx: FlowContext, inbound: LintasRequest, outbound: LintasRequest, capacity: ApproverCapacity, stage: { document: AssignmentDocument; citation: string },
) {
  const details = readInboundDetails(inbound.details);
  const tim = await ctx.tx.timKerja.findUniqueOrThrow({ where: { id: outbound.timId! }, include: { instansi: true } });
  const officials = await ctx.tx.pegawai.findMany({ where: { id: { in: details.pegawaiIds ?? [] }, instansiId: inbound.instansiId }, orderBy: { name: 'asc' } });
  // C2: until the last day asked for, at the latest the team's; a day of the requesting government's calendar.
  const asked = zonedMidnight(details.selesai, tim.instansi.timeZone);
  const endsOn = asked < tim.endsOn ? asked : tim.endsOn;
  const assignments = [];
  for (const official of officials) {
    const last = await ctx.tx.penugasan.findFirst({ where: { instansiId: inbound.instansiId }, orderBy: { number: 'desc' } });
    const penugasan = await ctx.tx.penugasan.create({
      data: {
        instansiId: inbound.instansiId, number: (last?.number ?? 0) + 1, workflow: 'WF-3', mode: 'PENUNJUKAN', scope: 'LINTAS_INSTANSI', status: 'ISSUED',
        pegawaiId: official.id, assignerId: ctx.actor.id, timId: tim.id, ownerUnitId: tim.ownerUnitId, role: 'ANGGOTA', endsOn,
        details: JSON.stringify({ ekspektasi: details.ekspektasi, citation: stage.citation, lintasInstansiId: inbound.id }), createdAt: ctx.now,
      },
    });
    assignments.push({ official, penugasan });
  }
  const letters = await issueInboundAssignments(ctx, inbound, outbound, capacity, stage.document, assignments);
  for (const { penugasan } of assignments) {
    offerAssignment(ctx, penugasan, { pemberi: ctx.actor.name, tim: `${tim.name} (${inbound.targetName})`, ekspektasi: details.ekspektasi, citation: stage.citation, teamEnd: tim.endsOn });
    ctx.audit({ action: 'penunjukan.terbit', outcome: 'OK', rule: stage.citation, subject: `penugasan:${penugasan.id}`, details: { workflow: 'WF-3', pegawaiId: penugasan.pegawaiId, timId: tim.id } });
  }
  return letters;
}
