import type { ChatDriver, TokenRow } from './chatDriver';
import type { SnapshotScope } from './workflowSnapshot';
import type { Person, PreparedInstansi } from './wrongPeopleOrganisation';
import { describeLeak, measurePress, wasRefused, type PressMeasure } from './wrongPress';

/** Everything a walk through one instansi's approvals needs. */
export interface ProbeContext {
  driver: ChatDriver;
  instansi: PreparedInstansi;
  scope: SnapshotScope;
  /** Someone of another instansi (its visitor), or null when there is only one profile. */
  outsider: Person | null;
}

/** One step waiting for one person's decision, and how to tell that their own press went through. */
export interface ApprovalTarget {
  /** E.g. "LINTAS_PD 2/4 TARGET_KEPALA_PD APPROVE". */
  label: string;
  addressee: Person;
  /** The other party of the request (the applicant, the issuer): pressing for the addressee is wrong too. */
  counterpart: Person | null;
  /** Tells the addressee's card for this step apart from every other message with buttons. */
  card: (token: TokenRow) => boolean;
  /** The button the addressee presses as the control. */
  controlAction: string;
  /** After the control press: the step moved on. */
  advanced: () => Promise<boolean>;
}

export interface StepReport {
  label: string;
  presses: PressMeasure[];
  control: PressMeasure | null;
  controlOk: boolean;
  problems: string[];
}

/**
 * The wrong people for a step: unrelated, a colleague of the addressee, another instansi, and the
 * other party of the request, even when they hold a delegation from the addressee.
 */
export async function wrongPeople(ctx: ProbeContext, target: ApprovalTarget): Promise<Array<{ role: string; person: Person }>> {
  const people = Object.values(ctx.instansi.people);
  const delegates = new Set((await ctx.driver.db.delegation.findMany({ where: { fromId: target.addressee.pegawaiId } })).map((d) => d.toId));
  const colleague = people.find((p) => p.homeUnitId === target.addressee.homeUnitId && p !== target.addressee
    && p !== target.counterpart && p.key !== 'visitor' && !delegates.has(p.pegawaiId));
  return [
    { role: 'unrelated', person: ctx.instansi.people.unrelated },
    ...(colleague ? [{ role: 'colleague', person: colleague }] : []),
    ...(ctx.outsider ? [{ role: 'other-instansi', person: ctx.outsider }] : []),
    ...(target.counterpart && target.counterpart !== target.addressee
      ? [{ role: delegates.has(target.counterpart.pegawaiId) ? 'counterpart-delegate' : 'counterpart', person: target.counterpart }] : []),
  ].filter(({ person }) => person !== target.addressee);
}

/**
 * Brings no request anywhere: the step must already wait for its addressee. Every wrong person
 * presses every button of the addressee's card; then the addressee presses the control button,
 * measured the same way, which must go through (so the measurement can tell the difference).
 */
export async function probeStep(ctx: ProbeContext, target: ApprovalTarget): Promise<StepReport> {
  const report: StepReport = { label: target.label, presses: [], control: null, controlOk: false, problems: [] };
  const where = `${ctx.instansi.profileId} ${target.label}`;
  let card: Awaited<ReturnType<ChatDriver['waitForCard']>>;
  try {
    card = await ctx.driver.waitForCard(target.addressee, target.card);
  } catch (error) {
    report.problems.push(`${where}: ${(error as Error).message}`);
    return report;
  }
  const people = await wrongPeople(ctx, target);
  if (!people.some((p) => p.role === 'colleague')) report.problems.push(`${where}: no colleague of ${target.addressee.name} in the unit`);
  for (const button of card.buttons) {
    // The unrelated person and the colleague press every button; the others only the deciding one, so
    // fewer refusals queue behind Telegram's one message per second per chat on the applicant's path.
    for (const { role, person } of people.filter((p) => p.role === 'unrelated' || p.role === 'colleague' || button.action === target.controlAction)) {
      const measure = await measurePress(ctx.driver, ctx.scope, person, role, ctx.driver.lastMessage(person), button);
      report.presses.push(measure);
      if (!wasRefused(measure)) report.problems.push(`${where}: ${describeLeak(measure)}`);
    }
  }
  const control = card.buttons.find((b) => b.action === target.controlAction);
  if (!control) {
    report.problems.push(`${where}: the card of ${target.addressee.name} has no '${target.controlAction}' button`);
    return report;
  }
  report.control = await measurePress(ctx.driver, ctx.scope, target.addressee, 'addressee', card.message, control);
  report.controlOk = report.control.refusalKey === null && report.control.changed.length > 0 && (await target.advanced());
  if (!report.controlOk) {
    report.problems.push(`${where}: the addressee's own press did not go through (notice "${report.control.notice}", changed: ${report.control.changed.join(', ') || 'nothing'})`);
  }
  return report;
}
