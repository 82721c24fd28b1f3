// Scenario 3 (issue 10): bursts of concurrent signed requests to the real bolt app (ack first,
// processBeforeResponse false, as in production) beside a bare bolt app that only acks.
import { issueLinkCode } from '../../src/core/auth/linkCodes';
import { FORM_CALLBACK_ID } from '../../adapters/slack/renderBlocks';
import { createDb, type Db } from '../../src/db/createDb';
import { FakeSlack, type SlackMessage } from '../fakes/fakeSlack';
import { SlackUser, type SlackResponse } from '../fakes/slackUser';
import { config } from './benchConfig';
import { createOrganisationDb, openCopy, type BenchMember } from './benchOrganisation';
import { metric, type ScenarioReport } from './report';
import { SLACK_SIGNING_SECRET, startBareSlack, startTimkerjaSlack, type RunningSlackApp } from './slackApps';
import { percentile } from './stats';

type View = { id: string; callback_id: string; private_metadata: string; blocks: Array<Record<string, unknown>> };
type Kind = 'slash' | 'view' | 'action';
const KINDS: Kind[] = ['slash', 'view', 'action'];
type Samples = Record<Kind, number[]>;
type RealRun = Samples & { bad: number; completed: number; notOpened: number; expired: number };

const userIds = (count: number) => Array.from({ length: count }, (_, i) => `U0BENCH${String(i).padStart(4, '0')}`);

function usersOn(fake: FakeSlack, app: RunningSlackApp, count: number): SlackUser[] {
  return userIds(count).map((id) => new SlackUser({ endpoint: app.endpoint, signingSecret: SLACK_SIGNING_SECRET, fake, user: fake.addUser({ id, name: id.toLowerCase() }) }));
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`slack bench: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fires one request per user at once; resolves with each one's time to the HTTP answer. */
async function burst(users: SlackUser[], send: (user: SlackUser, index: number) => Promise<SlackResponse>): Promise<{ ms: number[]; bad: number }> {
  let bad = 0;
  const ms = await Promise.all(users.map(async (user, index) => {
    const started = performance.now();
    const response = await send(user, index);
    if (response.status !== 200) bad++;
    return performance.now() - started;
  }));
  return { ms, bad };
}

/** Answers for every input of a progress-report modal (block ids as renderModal names them). */
function reportValues(view: View): Record<string, Record<string, string>> {
  const answers: Record<string, string> = { kegiatan: 'Menyusun metadata dataset', output: 'Katalog data', kendala: '', rencana: 'Validasi dataset baru' };
  return Object.fromEntries(view.blocks.filter((b) => b.type === 'input').map((block) => {
    const blockId = String(block.block_id);
    return [blockId, { [String((block.element as { action_id: string }).action_id)]: answers[blockId] ?? '12' }];
  }));
}

const bareView: View = {
  id: 'V0BARE', callback_id: FORM_CALLBACK_ID, private_metadata: JSON.stringify({ formId: 'bare' }),
  blocks: ['capaian_0', 'kegiatan', 'output', 'kendala', 'rencana'].map((block_id) => ({ type: 'input', block_id, label: { type: 'plain_text', text: block_id }, element: { type: 'plain_text_input', action_id: 'nilai' } })),
};
const bareMessage = (user: SlackUser) => ({
  channel: user.dmChannel, ts: '1700000000.000100', text: 'Lanjut',
  blocks: [{ type: 'actions', block_id: 'b0', elements: [{ type: 'button', action_id: 'lanjut', value: 't:bareToken01', text: { type: 'plain_text', text: 'Lanjut' } }] }],
});

function lanjutButton(fake: FakeSlack, user: SlackUser): { message: SlackMessage; actionId: string } | null {
  for (const message of fake.messagesIn(user.dmChannel).reverse()) {
    const buttons = (message.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements as Array<{ action_id: string; text: { text: string } }> : []));
    const button = buttons.find((b) => b.text.text === 'Lanjut');
    if (button) return { message, actionId: button.action_id };
  }
  return null;
}

async function bareRun(fake: FakeSlack, count: number): Promise<Samples> {
  const app = await startBareSlack(fake);
  const users = usersOn(fake, app, count);
  try {
    const slash = await burst(users, (u) => u.slash('lapor'));
    const view = await burst(users, (u) => u.submitView(bareView, reportValues(bareView)));
    const action = await burst(users, (u) => u.click(bareMessage(u), 'lanjut'));
    if (slash.bad + view.bad + action.bad > 0) throw new Error('bare bolt app answered non-200');
    return { slash: slash.ms, view: view.ms, action: action.ms };
  } finally {
    await app.stop();
  }
}

/**
 * /timkerja lapor → the modal → its submission → "Lanjut" in the DM: one burst of each, checked.
 * A modal Slack would not open (its trigger_id is older than 3 s when views.open comes) is
 * counted; those users carry on in the chat and leave the later bursts.
 */
async function realRun(fake: FakeSlack, template: string, members: BenchMember[]): Promise<RealRun> {
  const { db } = await openCopy(template);
  const app = await startTimkerjaSlack(fake, db);
  const users = usersOn(fake, app, members.length);
  try {
    const slash = await burst(users, (u) => u.slash('lapor'));
    await until('every views.open answered', () => fake.callsOf('views.open').length >= users.length, 20_000).catch(() => undefined);
    const opened = users.flatMap((u, i) => (fake.modalOf(u.id) ? [{ user: u, member: members[i]! }] : []));
    const withModal = opened.map((o) => o.user);
    const view = await burst(withModal, (u) => { const modal = fake.modalOf(u.id) as unknown as View; return u.submitView(modal, reportValues(modal)); });
    await until('every "Lanjut" prompt delivered', () => withModal.every((u) => lanjutButton(fake, u)), 60_000);
    const action = await burst(withModal, (u) => { const found = lanjutButton(fake, u)!; return u.click(found.message, found.actionId); });
    const pressed = opened.map((o) => o.member);
    await until('every press handled', async () => (await atStep(db, pressed, 'CONFIRM')) === pressed.length, 20_000).catch(() => undefined);
    return {
      slash: slash.ms, view: view.ms, action: action.ms, bad: slash.bad + view.bad + action.bad, completed: await atStep(db, pressed, 'CONFIRM'),
      notOpened: users.length - withModal.length, expired: fake.callsOf('views.open').filter((c) => c.error === 'expired_trigger_id').length,
    };
  } finally {
    await app.stop();
    await db.$disconnect();
  }
}

const atStep = (db: Db, members: BenchMember[], step: string) => db.conversation.count({ where: { step, pegawaiId: { in: members.map((m) => m.pegawaiId) } } });

/** Links the users through the real `/timkerja hubungkan <kode>`; the welcome messages count as sent. */
async function linkSlackUsers(template: string, members: BenchMember[]): Promise<void> {
  const fake = new FakeSlack();
  await fake.start();
  const db = await createDb(template);
  const app = await startTimkerjaSlack(fake, db);
  const users = usersOn(fake, app, members.length);
  const expiresAt = new Date(Date.now() + 3600_000);
  for (const [index, member] of members.entries()) {
    const code = await db.$transaction((tx) => issueLinkCode(tx, member.pegawaiId, member.instansiId, expiresAt));
    await users[index]!.slash(`hubungkan ${code}`);
  }
  await until('every Slack user linked', async () => (await db.platformIdentity.count({ where: { platform: 'slack' } })) === members.length, 20_000);
  await app.stop();
  await db.outboxMessage.updateMany({ where: { status: 'PENDING' }, data: { status: 'SENT' } });
  await db.$disconnect();
  await fake.stop();
}

export async function benchSlackAck(): Promise<ScenarioReport> {
  const started = performance.now();
  const { file, members } = await createOrganisationDb(config.slack.users);
  await linkSlackUsers(file, members);
  const bare: Samples[] = [];
  const real: RealRun[] = [];
  for (let run = 0; run < config.runs; run++) {
    const fake = new FakeSlack();
    await fake.start();
    bare.push(await bareRun(fake, members.length));
    real.push(await realRun(fake, file, members));
    await fake.stop();
  }
  const pct = (runs: Samples[], kind: Kind, p: number) => runs.map((r) => percentile(r[kind], p));
  const metrics = KINDS.flatMap((kind) => [
    metric(`${kind}: bare p50`, 'ms', pct(bare, kind, 50)),
    metric(`${kind}: bare p99`, 'ms', pct(bare, kind, 99)),
    metric(`${kind}: timkerja p50`, 'ms', pct(real, kind, 50)),
    metric(`${kind}: timkerja p99`, 'ms', pct(real, kind, 99), { text: '< 3000 ms (Slack)', ok: (v) => v < 3000 }),
    metric(`${kind}: p99 timkerja / bare`, '×', real.map((r, i) => percentile(r[kind], 99) / percentile(bare[i]![kind], 99)), { text: '≤ 1.5×', ok: (v) => v <= 1.5 }),
  ]);
  metrics.push(metric('modals not opened (views.open after the trigger\'s 3 s)', 'of ' + members.length, real.map((r) => r.notOpened), { text: '0', ok: (v) => v === 0 }));
  return {
    id: '3', title: 'Slack acknowledgement: real bolt app (processBeforeResponse false) vs bare bolt app that only acks', seconds: (performance.now() - started) / 1000,
    n: `bursts of ${config.slack.burst} concurrent signed requests per kind per run (slash command, view_submission, block_actions)`,
    metrics,
    notes: [
      `Each run: /timkerja lapor from every user at once, then every modal submitted at once, then every "Lanjut" pressed at once; checked: ${real.map((r) => `${r.completed}/${members.length - r.notOpened}`).join(', ')} conversations with a modal reached the next step (${real.map((r) => r.expired).join('/')} views.open refused with expired_trigger_id), ${real.reduce((s, r) => s + r.bad, 0)} non-200 answers.`,
      'view_submission waits for the core before it acks (to return field errors), so its time includes the turn; slash and block_actions ack first and the turn then competes for the same event loop.',
      'Requests are sent with fetch from the same process (SlackUser), as in the issue\'s reference figures.',
    ],
  };
}
