// Case 1b: kill -9 at random moments while 200 people report their progress and others ask to
// join a team and get approved, restarted each time: no turn half-saved, nothing lost.
import Database from 'better-sqlite3';
import { createDb } from '../../src/db/createDb';
import { createOrganisationDb, type BenchMember } from '../bench/benchOrganisation';
import { progressReportTurns } from '../bench/progressReportScript';
import { seededRandom } from '../helpers/seededRandom';
import { botEnv } from './botEnv';
import { ChatPerson } from './chatPerson';
import { faultConfig } from './faultConfig';
import type { FaultCase } from './faultReport';
import { FaultTelegram } from './faultTelegram';
import { faultSeed, killAndRestart } from './killRounds';
import { settleScheduler } from './settleScheduler';
import { turnAtomicityProblems } from './turnAtomicity';

const TURN_TIMEOUT_MS = 120_000;
const FIRST_ID = 9_300_000;

interface Account { pegawaiId: string; userId: number }

/** Links every pegawai of the file to a Telegram account, generated members first. */
async function linkEveryone(file: string, members: BenchMember[]): Promise<Account[]> {
  const db = await createDb(file);
  const generated = new Set(members.map((m) => m.pegawaiId));
  const others = (await db.pegawai.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((p) => p.id).filter((id) => !generated.has(id));
  const accounts = [...members.map((m) => m.pegawaiId), ...others].map((pegawaiId, k) => ({ pegawaiId, userId: FIRST_ID + k }));
  await db.platformIdentity.createMany({ data: accounts.map((a) => ({ pegawaiId: a.pegawaiId, platform: 'telegram', workspace: '', accountId: String(a.userId), chatId: String(a.userId) })) });
  // The generated members have no Pejabat Penilai Kinerja; an applicant's request needs one: their unit head.
  for (const member of await db.pegawai.findMany({ where: { id: { in: [...generated] } }, include: { homeUnit: true } })) {
    await db.pegawai.update({ where: { id: member.id }, data: { penilaiId: member.homeUnit.headId } });
  }
  await settleScheduler(db);
  await db.$disconnect();
  return accounts;
}

async function report(person: ChatPerson, targets: number): Promise<string | null> {
  for (const [k, turn] of progressReportTurns(targets).entries()) {
    const answered = turn.kind === 'text' ? await person.say(turn.text, TURN_TIMEOUT_MS) : await person.press(turn.label, TURN_TIMEOUT_MS);
    if (!answered) return `user ${person.user.id}: no answer to turn ${k + 1} (${turn.kind === 'text' ? turn.text : turn.label})`;
  }
  return null;
}

async function applyToJoin(person: ChatPerson): Promise<string | null> {
  const steps: Array<() => Promise<boolean>> = [
    () => person.say('/ajukan', TURN_TIMEOUT_MS),
    () => person.pressFirst(TURN_TIMEOUT_MS),
    () => person.say('Saya berpengalaman mengolah data statistik sektoral selama lima tahun', TURN_TIMEOUT_MS),
    () => person.press('Kirim', TURN_TIMEOUT_MS),
  ];
  for (const [k, step] of steps.entries()) if (!(await step())) return `applicant ${person.user.id}: no answer to step ${k + 1} of /ajukan`;
  return null;
}

/**
 * Approvers press "Setujui" on whatever reaches them, a ketua tim "Rekomendasikan" (Samarinda's
 * recommendation comes first), applicants "Terima penugasan", until every request is active.
 */
async function approveUntilActive(file: string, approvers: ChatPerson[], applicants: Account[], people: Map<number, ChatPerson>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let presses = 0;
  while (Date.now() < deadline) {
    for (const person of people.values()) presses += person.pressEachNew('Rekomendasikan');
    for (const approver of approvers) presses += approver.pressEachNew('Setujui');
    for (const applicant of applicants) presses += people.get(applicant.userId)!.pressEachNew('Terima penugasan');
    if (activeRequests(file, applicants) === applicants.length) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return presses;
}

function activeRequests(file: string, applicants: Account[]): number {
  const db = new Database(file, { readonly: true });
  try {
    const ids = applicants.map((a) => a.pegawaiId);
    return (db.prepare(`SELECT COUNT(DISTINCT pegawaiId) AS n FROM Penugasan WHERE mode = 'PENGAJUAN_SUKARELA' AND status = 'ACTIVE' AND pegawaiId IN (${ids.map(() => '?').join(',')})`).get(...ids) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Each reporter's submitted progress report, exactly one, with every text they typed. */
function reportProblems(file: string, reporters: Account[]): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const problems: string[] = [];
    const texts = progressReportTurns(1).flatMap((t) => (t.kind === 'text' && !t.text.startsWith('/') && Number.isNaN(Number(t.text)) ? [t.text] : []));
    for (const r of reporters) {
      const rows = db.prepare("SELECT status, content FROM Laporan WHERE authorId = ? AND kind = 'KEMAJUAN_ANGGOTA'").all(r.pegawaiId) as Array<{ status: string; content: string }>;
      const submitted = rows.filter((row) => row.status === 'SUBMITTED');
      if (submitted.length !== 1) problems.push(`pegawai ${r.pegawaiId}: ${submitted.length} submitted reports (${rows.length} in all)`);
      else if (texts.some((text) => !submitted[0]!.content.includes(text))) problems.push(`pegawai ${r.pegawaiId}: the report lacks a text the user typed`);
      const open = db.prepare('SELECT COUNT(*) AS n FROM Conversation WHERE pegawaiId = ?').get(r.pegawaiId) as { n: number };
      if (open.n > 0) problems.push(`pegawai ${r.pegawaiId}: a conversation is still open after the report was sent`);
    }
    return problems;
  } finally {
    db.close();
  }
}

const killDuringConversations: FaultCase = async () => {
  const { users, rounds } = faultConfig.killConversations;
  const seed = faultSeed();
  const { file, members } = await createOrganisationDb(users);
  const accounts = await linkEveryone(file, members);
  const applicantCount = Math.max(2, Math.round(users / 10));
  const applicants = accounts.slice(0, applicantCount);
  const reporters = accounts.slice(applicantCount, users);
  const tg = new FaultTelegram();
  await tg.start();
  tg.knowChats(accounts.map((a) => a.userId));
  const people = new Map(accounts.map((a) => [a.userId, new ChatPerson({ id: a.userId, first_name: `Pegawai ${a.userId}` }, tg)]));
  const targetsOf = new Map(members.map((m) => [m.pegawaiId, m.targets]));
  const atomicity: string[] = [];
  try {
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
    let conversationsDone = '';
    let approvalsDone = '';
    const conversations = Promise.all([
      ...reporters.map((r) => report(people.get(r.userId)!, targetsOf.get(r.pegawaiId) ?? 1)),
      ...applicants.map((a) => applyToJoin(people.get(a.userId)!)),
    ]).finally(() => { conversationsDone = seconds(); });
    // Approvers and applicants act on what reaches them while the kills go on.
    const approvers = accounts.slice(users).map((a) => people.get(a.userId)!);
    const approvals = approveUntilActive(file, approvers, applicants, people, TURN_TIMEOUT_MS * 3).finally(() => { approvalsDone = seconds(); });
    const run = await killAndRestart(botEnv({ file, tg }), {
      rounds, minMs: 500, maxMs: 5000, random: seededRandom(seed),
      between: async (round) => { atomicity.push(...turnAtomicityProblems(file).map((p) => `after kill ${round}: ${p}`)); },
    });
    const killsDone = seconds();
    const stuck = (await conversations).filter((problem): problem is string => problem !== null);
    const presses = await approvals;
    await run.current.stop();
    atomicity.push(...turnAtomicityProblems(file).map((p) => `at the end: ${p}`));
    const reports = reportProblems(file, reporters);
    const active = activeRequests(file, applicants);
    const findings = [
      `seed ${seed} (FAULTS_SEED replays it); ${run.kills} kills after ${run.killedAfterMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
      `${reporters.length} progress-report conversations: ${reporters.length - reports.length} complete, each exactly one submitted report holding every text typed`,
      `${applicants.length} requests to join a team: ${active} active after ${presses} approval and acceptance presses`,
      `the kills ended after ${killsDone} s, the conversations after ${conversationsDone} s, the approvals after ${approvalsDone} s`,
      `the database after each kill: intact, no turn without its answers, no answer without its turn${atomicity.length > 0 ? ' — VIOLATED' : ''}`,
      ...stuck, ...reports.slice(0, 10), ...atomicity.slice(0, 10), ...run.crashes,
    ];
    const ok = stuck.length === 0 && reports.length === 0 && atomicity.length === 0 && run.crashes.length === 0 && active === applicants.length;
    return { id: '1b', title: 'kill -9 during conversations and approvals', count: `${users} conversations, ${run.kills} kills`, ok, findings };
  } finally {
    await tg.stop();
  }
};

export default killDuringConversations;
