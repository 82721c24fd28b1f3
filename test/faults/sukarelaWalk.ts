// WF-4/WF-5 through the real bot: the applicant volunteers with /ajukan, then every step of the
// profile's chain is probed with wrong presses and decided by its addressee, then the acceptance.
import type { PolicyProfile } from '../../src/core/policy/policyProfile';
import { PENGAJUAN_FLOW_ID } from '../../src/core/domain/pengajuan/notifyStep';
import { probeStep, type ProbeContext, type StepReport } from './approvalProbe';
import { TEAMS, type Person } from './wrongPeopleOrganisation';

export type SukarelaScope = keyof typeof TEAMS;

const MOTIVATION = 'Saya berpengalaman mengolah data sektoral dan membangun dasbor selama lima tahun.';

/** The scopes whose chain this profile defines itself (a missing LINTAS_PD falls back to LINTAS_UO's chain). */
export function definedScopes(profile: PolicyProfile): SukarelaScope[] {
  return (Object.keys(TEAMS) as SukarelaScope[]).filter((scope) => profile.sukarela[scope] !== undefined);
}

async function volunteer(ctx: ProbeContext, applicant: Person, scope: SukarelaScope) {
  const { driver } = ctx;
  let messages = await driver.say(applicant, '/ajukan');
  messages = await driver.pressLabel(applicant, new RegExp(`^${TEAMS[scope]} \\(`), messages);
  messages = await driver.say(applicant, MOTIVATION);
  await driver.pressLabel(applicant, 'Kirim', messages);
  return driver.db.penugasan.findFirstOrThrow({
    where: { pegawaiId: applicant.pegawaiId, mode: 'PENGAJUAN_SUKARELA', tim: { name: TEAMS[scope] } },
    include: { steps: { orderBy: { position: 'asc' } } }, orderBy: { number: 'desc' },
  });
}

function personOf(ctx: ProbeContext, pegawaiId: string | null): Person {
  const person = Object.values(ctx.instansi.people).find((p) => p.pegawaiId === pegawaiId);
  if (!person) throw new Error(`pegawai ${pegawaiId} is not in the cast`);
  return person;
}

/** One chain: every approval step, then the applicant's acceptance (C4). Stops at a failed control. */
export async function walkSukarela(ctx: ProbeContext, profile: PolicyProfile, scope: SukarelaScope): Promise<StepReport[]> {
  const applicant = ctx.instansi.people.applicant;
  const request = await volunteer(ctx, applicant, scope);
  const chain = profile.sukarela[scope]!.steps;
  const stored = request.steps.map((s) => `${s.performer}/${s.kind}`).join(' → ');
  if (stored !== chain.map((s) => `${s.performer}/${s.kind}`).join(' → ')) {
    return [{ label: `${scope} chain`, presses: [], control: null, controlOk: false, problems: [`${profile.id} ${scope}: request chain ${stored} is not the profile's`] }];
  }
  const reports: StepReport[] = [];
  const db = ctx.driver.db;
  for (const step of request.steps) {
    const report = await probeStep(ctx, {
      label: `${scope} ${step.position + 1}/${chain.length} ${step.performer} ${step.kind}`,
      addressee: personOf(ctx, step.assigneeId), counterpart: applicant, controlAction: 'setujui',
      card: (token) => token.flowId === PENGAJUAN_FLOW_ID && token.args.stepId === step.id,
      advanced: async () => (await db.approvalStep.findUniqueOrThrow({ where: { id: step.id } })).status === 'APPROVED',
    });
    reports.push(report);
    if (!report.controlOk) return reports;
  }
  const lastApprover = (await db.approvalStep.findFirstOrThrow({ where: { penugasanId: request.id }, orderBy: { position: 'desc' } })).decidedById;
  reports.push(await probeStep(ctx, {
    label: `${scope} acceptance (C4)`, addressee: applicant, counterpart: personOf(ctx, lastApprover), controlAction: 'terimaPenugasan',
    card: (token) => token.flowId === PENGAJUAN_FLOW_ID && token.args.penugasanId === request.id,
    advanced: async () => (await db.penugasan.findUniqueOrThrow({ where: { id: request.id } })).status === 'ACTIVE',
  }));
  return reports;
}
