// Issue 10, case 4: for every approval step of every policy profile, a press by someone other than
// the addressee (unrelated, a colleague in the addressee's unit, someone of another instansi, the
// other party of the request) replays the addressee's callback_data from their own chat: it must
// be refused and audited with nothing changed; then the addressee's own press must go through.
import { loadPolicyProfiles, type PolicyProfile } from '../../src/core/policy/policyProfile';
import { createDb } from '../../src/db/createDb';
import { FakeTelegram } from '../fakes/fakeTelegram';
import { tempDbPath } from '../helpers/testDb';
import type { ProbeContext, StepReport } from './approvalProbe';
import { BotProcess } from './botProcess';
import { botEnv } from './botEnv';
import { ChatDriver } from './chatDriver';
import { QUICK } from './faultConfig';
import { thousands, type FaultCase } from './faultReport';
import { walkAngkaKredit, walkEvaluasi, walkPengunduranDiri, walkPenunjukan } from './otherApprovalWalks';
import { walkPelibatan, walkPermintaan } from './involvementWalk';
import { definedScopes, walkSukarela } from './sukarelaWalk';
import { prepareInstansi, type PreparedInstansi } from './wrongPeopleOrganisation';
import { undeliveredRefusals, wasRefused } from './wrongPress';

const TITLE = 'Wrong people press approvals';

/** A walk that threw (a timeout, a turn that failed in the bot) is one problem, not a crashed case. */
async function guarded(label: string, walk: () => Promise<StepReport[]>): Promise<StepReport[]> {
  try {
    return await walk();
  } catch (error) {
    return [{ label, presses: [], control: null, controlOk: false, problems: [`${label}: ${(error as Error).message.split('\n')[0]}`] }];
  }
}

/** Every approval chain of one profile (sukarela per scope it defines), then, in full mode, its other decisions. */
async function walkProfile(ctx: ProbeContext, profile: PolicyProfile): Promise<{ sukarela: StepReport[]; other: StepReport[] }> {
  const sukarela: StepReport[] = [];
  for (const scope of QUICK ? definedScopes(profile).slice(0, 1) : definedScopes(profile)) {
    sukarela.push(...await guarded(`${profile.id} sukarela ${scope}`, () => walkSukarela(ctx, profile, scope)));
  }
  const other: StepReport[] = [];
  if (QUICK) return { sukarela, other };
  other.push(...await guarded(`${profile.id} penunjukan`, () => walkPenunjukan(ctx, profile)));
  other.push(...await guarded(`${profile.id} evaluasi`, () => walkEvaluasi(ctx)));
  other.push(...await guarded(`${profile.id} pelibatan`, () => walkPelibatan(ctx)));
  other.push(...await guarded(`${profile.id} permintaan`, () => walkPermintaan(ctx)));
  if (profile.angkaKredit.enabled) other.push(...await guarded(`${profile.id} angkaKredit`, () => walkAngkaKredit(ctx)));
  if (profile.pengunduranDiri.enabled) other.push(...await guarded(`${profile.id} pengunduranDiri`, () => walkPengunduranDiri(ctx)));
  return { sukarela, other };
}

async function linkEveryone(driver: ChatDriver, prepared: PreparedInstansi[]): Promise<void> {
  const people = prepared.flatMap((instansi) => Object.values(instansi.people));
  // All at once, and awaited on the fake's side: a database poll per person would slow the bot down.
  for (const person of people) driver.tg.sendText(person.tg, { id: person.tg.id, type: 'private' }, `/start ${person.linkCode}`);
  const deadline = Date.now() + 60_000;
  while (people.some((person) => driver.tg.messagesTo(person.tg.id).length === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const linked = await driver.db.platformIdentity.count({ where: { platform: 'telegram', pegawaiId: { in: people.map((p) => p.pegawaiId) } } });
  if (linked !== people.length) throw new Error(`only ${linked} of ${people.length} people linked their Telegram account`);
}

function contextFor(driver: ChatDriver, prepared: PreparedInstansi[], index: number): ProbeContext {
  const instansi = prepared[index]!;
  const visitor = instansi.people.visitor;
  return {
    driver, instansi,
    scope: { instansiId: instansi.instansiId, pegawaiIds: Object.values(instansi.people).filter((p) => p !== visitor).map((p) => p.pegawaiId) },
    outsider: prepared.length > 1 ? prepared[(index + 1) % prepared.length]!.people.visitor : null,
  };
}

function summarize(profiles: PolicyProfile[], results: Array<{ sukarela: StepReport[]; other: StepReport[] }>, undelivered: string[], errors: number) {
  const all = results.flatMap((r) => [...r.sukarela, ...r.other]);
  const presses = all.flatMap((r) => r.presses);
  const refused = presses.filter(wasRefused).length;
  const controls = all.filter((r) => r.control !== null);
  const sukarelaSteps = results.reduce((n, r) => n + r.sukarela.filter((s) => !s.label.includes('acceptance')).length, 0);
  const keys = [...new Set(presses.flatMap((m) => (m.refusalKey ? [m.refusalKey] : [])))].sort();
  const roles = [...new Set(presses.map((m) => m.role))].map((role) => `${role} ${presses.filter((m) => m.role === role).length}`);
  const problems = [...all.flatMap((r) => r.problems), ...undelivered, ...(errors > 0 ? [`the bot logged ${errors} error line(s)`] : [])];
  const perProfile = profiles.map((profile, i) => {
    const steps = [...results[i]!.sukarela, ...results[i]!.other];
    const own = steps.flatMap((s) => s.presses);
    return `${profile.id}: ${steps.map((s) => s.label).join(', ')}; ${own.filter(wasRefused).length}/${own.length} wrong presses refused and audited`;
  });
  return {
    count: `${profiles.length} profiles × ${sukarelaSteps} sukarela approval steps (+${all.length - sukarelaSteps} acceptance/other steps) × ${thousands(presses.length)} wrong presses`,
    ok: problems.length === 0 && presses.length > 0 && results.every((r) => r.sukarela.some((s) => s.presses.length > 0)),
    findings: [
      `${thousands(refused)} of ${thousands(presses.length)} wrong presses refused, audited (REFUSED row) and told in the chat, with the instansi's rows unchanged`,
      `${controls.filter((r) => r.controlOk).length} of ${all.length} controls: the addressee's own press went through`,
      `wrong presses by presser: ${roles.join(', ')}; refusals by key: ${keys.join(', ') || 'none'}`,
      ...perProfile,
      ...problems.slice(0, 25),
      ...(problems.length > 25 ? [`… and ${problems.length - 25} more problems`] : []),
    ],
  };
}

const wrongPeopleCase: FaultCase = async () => {
  const file = tempDbPath();
  const db = await createDb(file);
  const profiles = [...loadPolicyProfiles().values()];
  const tg = new FakeTelegram({ botUser: { first_name: 'Timkerja Faults', username: 'timkerja_faults_bot' } });
  let bot: BotProcess | undefined;
  try {
    const prepared = await prepareInstansi(db, profiles.map((p) => p.id), new Date());
    await tg.start();
    bot = await BotProcess.start(botEnv({ file, tg }));
    const driver = new ChatDriver(tg, db);
    await linkEveryone(driver, prepared);
    // Profiles run side by side: the bot paces Telegram at one message per second per chat, so one
    // walk after another would take minutes. Instansi share no rows, and each instansi's visitor
    // (who presses in the next one) is left out of its own snapshot.
    const results = await Promise.all(profiles.map((profile, i) => walkProfile(contextFor(driver, prepared, i), profile)));
    const undelivered = await undeliveredRefusals(driver, results.flatMap((r) => [...r.sukarela, ...r.other]).flatMap((s) => s.presses));
    const errors = bot.logs().filter((line) => line.level >= 50).length;
    return { id: '4', title: TITLE, ...summarize(profiles, results, undelivered, errors) };
  } finally {
    await bot?.stop();
    await tg.stop();
    await db.$disconnect();
  }
};

export default wrongPeopleCase;
