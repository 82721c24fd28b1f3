import type { FlowContext } from '../../engine/defineFlow';
import { Refused } from '../../errors';
import { joinParams, nested, type Param } from '../../catalog/t';
import { getPolicyProfile, type PolicyProfile } from '../../policy/policyProfile';
import { determineScope } from '../pengajuan/determineScope';
import { notifyStep } from '../pengajuan/notifyStep';
import { rolePhrase } from '../pengajuan/roleName';
import { formatDate } from '../formatTime';
import { zonedMidnight } from '../zonedTime';
import { issueInvolvementRequestLetter } from '../surat/involvementLetters';
import { chainHolders, mayRequest, resolveDituju } from './involvementParties';
import { involvementCandidates, involvementTeam } from './involvementChoices';
import { selectInvolvement, type InvolvementDetails } from './involvementWorkflow';
import { storeInvolvement } from './storeInvolvement';

export interface InvolvementInput {
  timId: string;
  pegawaiId: string;
  maksudTujuan: string;
  kompetensi: string;
  ekspektasi: string;
  /** The last day, TTTT-BB-HH: the durasi pelibatan. */
  selesai: string;
}

/** The profile's chain for asking this official into this team, or the rule that refuses it. */
export async function involvementRoute(ctx: FlowContext, tim: Parameters<typeof mayRequest>[2] & { ownerUnitId: string }, person: { homeUnitId: string }) {
  const scope = await determineScope(ctx.tx, person.homeUnitId, tim.ownerUnitId);
  const workflow = selectInvolvement(getPolicyProfile(ctx.actor.policyProfile), scope);
  if (!workflow) throw new Refused('WF-2', 'pelibatan.lingkupTidakDiatur', { lingkup: { key: `lingkup.${scope}` } });
  if (!mayRequest(workflow, ctx.actor.id, tim)) throw new Refused('WF-2', 'pelibatan.bukanPemohonLingkup', { lingkup: { key: `lingkup.${scope}` }, citation: workflow.citation });
  return { scope, workflow };
}

export const REQUIRED_ITEMS = ['maksudTujuan', 'kompetensi', 'ekspektasi', 'selesai'] as const;

/** Nothing is sent without the four items of a permohonan pelibatan (domain-spec §5.7). */
export function requireItems(profile: PolicyProfile, input: Record<(typeof REQUIRED_ITEMS)[number], string>): void {
  const missing = REQUIRED_ITEMS.filter((item) => !input[item]?.trim());
  if (missing.length === 0) return;
  const isian = joinParams(missing.map((m): Param => nested(`pelibatan.isian.${m}`)), 'pelibatan.isianGabung');
  throw new Refused('WF-2', 'pelibatan.isianKurang', { isian, citation: profile.penunjukan.LINTAS_UO.isian });
}

/**
 * WF-2 T1–T2: the owner unit's head asks for a named official of another unit. The four items
 * of the request are required (domain-spec §5.7) and every step's holder is resolved up front,
 * so nothing is sent when something is missing. The surat permohonan pelibatan goes to the
 * profile's addressee and tembusan; the first step's holder gets the decision buttons.
 */
export async function requestInvolvement(ctx: FlowContext, input: InvolvementInput) {
  const { tx, actor } = ctx;
  const profile = getPolicyProfile(actor.policyProfile);
  requireItems(profile, input);
  const tim = await involvementTeam(ctx, input.timId);
  const person = await tx.pegawai.findFirst({ where: { id: input.pegawaiId, instansiId: actor.instansiId } });
  if (!person || !(await involvementCandidates(ctx, tim, person.homeUnitId)).some((c) => c.id === person.id)) {
    throw new Refused('C1', 'penunjukan.bukanKandidat', { citation: profile.penunjukan.DALAM_UO.subjek.citation });
  }
  const { scope, workflow } = await involvementRoute(ctx, tim, person);
  const endsOn = zonedMidnight(input.selesai, actor.timeZone);
  if (!(endsOn > ctx.now && endsOn <= tim.endsOn)) throw new Refused('C2', 'penunjukan.selesaiTidakValid', { selesai: formatDate(tim.endsOn, actor.timeZone) });

  const steps = await chainHolders(tx, workflow, person.id);
  const gap = steps.find((s) => !s.assigneeId || s.assigneeId === actor.id);
  if (gap) throw new Refused('DATA', 'pengajuan.tidakAdaPemutus', { peran: rolePhrase(gap.performer) });
  // The letter's addressee may hold no step (TBB: the Pimpinan UO receives, the Penilai decides).
  if (workflow.kepada && !(await resolveDituju(tx, workflow.kepada, person.id))) throw new Refused('DATA', 'pengajuan.tidakAdaPemutus', { peran: rolePhrase(workflow.kepada) });
  const details: InvolvementDetails = {
    profile: profile.id, maksudTujuan: input.maksudTujuan.trim(), kompetensi: input.kompetensi.trim(), ekspektasi: input.ekspektasi.trim(), citation: workflow.citation,
  };
  const penugasan = await storeInvolvement(ctx, {
    tim, pegawaiId: person.id, assignerId: actor.id, scope, status: steps[0]!.pendingStatus, endsOn, details,
    steps: steps.map((step) => ({ performer: step.performer, kind: step.kind, assigneeId: step.assigneeId!, citation: step.citation })),
  });
  if (workflow.kepada) {
    const surat = await issueInvolvementRequestLetter(ctx, penugasan.id, workflow);
    await tx.penugasan.update({ where: { id: penugasan.id }, data: { details: JSON.stringify({ ...details, suratNomor: surat.nomor }) } });
  }
  const first = penugasan.steps[0]!;
  await notifyStep(ctx, penugasan.id, first.id);
  ctx.audit({ action: 'pelibatan.ajukan', outcome: 'OK', subject: `penugasan:${penugasan.id}`, rule: workflow.citation, details: { scope, pegawaiId: person.id, nomor: penugasan.number } });
  const firstHolder = await tx.pegawai.findUniqueOrThrow({ where: { id: first.assigneeId } });
  return { penugasan, person, firstHolder, firstPerformer: first.performer };
}
