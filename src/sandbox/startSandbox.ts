import { randomBytes } from 'node:crypto';
import type { Db } from '../db/createDb';
import type { Logger } from '../core/ports';
import { issueLinkCode } from '../core/auth/linkCodes';
import { t } from '../core/catalog/t';
import { loadInstansiSchedules } from '../core/scheduler/instansiSchedules';
import { nextScheduledMoment } from '../core/scheduler/upcoming';
import { LocalBotApi } from './localBotApi';
import { listPersonas, type Persona } from './personas';
import { startPlayground } from './playgroundServer';
import type { SandboxClock } from './sandboxClock';

const LINK_CODE_TTL_MS = 10 * 60_000;
// The jump lands just after the moment, so the tick counts it as due.
const PAST_THE_MOMENT_MS = 5_000;

export interface SandboxPlatform {
  /** What the Telegram adapter connects to instead of api.telegram.org. */
  token: string;
  apiRoot: string;
  botApi: LocalBotApi;
  stop(): Promise<void>;
}

/** The local Bot API the real Telegram adapter talks to in the sandbox, on 127.0.0.1 only. */
export async function startSandboxPlatform(clock: SandboxClock): Promise<SandboxPlatform> {
  const token = `100000:SANDBOX-${randomBytes(12).toString('hex')}`;
  const botApi = new LocalBotApi({ token, botUser: { first_name: 'timkerja (sandbox)', username: 'timkerja_sandbox_bot' }, now: () => clock.now() });
  const apiRoot = await botApi.start();
  return { token, apiRoot, botApi, stop: () => botApi.stop() };
}

export interface PlaygroundOptions {
  db: Db;
  platform: SandboxPlatform;
  clock: SandboxClock;
  /** Runs the scheduler at once, after the clock moved. */
  tick: () => Promise<void>;
  port: number;
  logger: Logger;
}

/** The web page where an evaluator chats with the bot as people of the demo organisation. */
export async function startSandboxPlayground(options: PlaygroundOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const { db, platform, clock } = options;
  const instansi = await db.instansi.findFirst({ orderBy: { createdAt: 'asc' } });
  // A second open while the first /start is still on its way must not revoke its code.
  const linking = new Set<number>();
  const open = async (persona: Persona) => {
    if (linking.has(persona.userId)) return;
    linking.add(persona.userId);
    await linkPersona(db, platform.botApi, persona, clock.now()).finally(() => setTimeout(() => linking.delete(persona.userId), 10_000).unref());
  };
  // The cast of the demo story is linked at once: an approval card for someone not yet linked
  // would be recorded as undeliverable, and the story would stall at that person.
  for (const persona of (await listPersonas(db)).filter((p) => p.featured)) await open(persona);
  return startPlayground({
    botApi: platform.botApi,
    botName: `@${platform.botApi.botUser.username}`,
    timeZone: instansi?.timeZone ?? 'Asia/Jakarta',
    personas: () => listPersonas(db),
    openPersona: open,
    now: () => clock.now(),
    advanceClock: async () => {
      const next = await nextScheduledMoment(db, await loadInstansiSchedules(db), clock.now());
      if (!next) return { now: clock.now(), reached: clock.now(), what: t('id', 'sandbox.tidakAdaJadwal') };
      const now = clock.advanceTo(new Date(next.at.getTime() + PAST_THE_MOMENT_MS));
      options.logger.info({ reached: next.at.toISOString() }, 'sandbox clock advanced');
      await options.tick();
      return { now, reached: next.at, what: next.kind === 'ringkasan' ? t('id', 'sandbox.ringkasan') : t('id', 'sandbox.pengingat', { tim: next.tim ?? '-' }) };
    },
    logger: options.logger,
  }, options.port);
}

/** A persona's first visit goes through the bot's real onboarding: /start with a fresh link code. */
async function linkPersona(db: Db, botApi: LocalBotApi, persona: Persona, now: Date): Promise<void> {
  const linked = await db.platformIdentity.findFirst({ where: { platform: 'telegram', accountId: String(persona.userId) } });
  if (linked) return;
  const pegawai = await db.pegawai.findUniqueOrThrow({ where: { id: persona.pegawaiId } });
  const code = await db.$transaction((tx) => issueLinkCode(tx, pegawai.id, pegawai.instansiId, new Date(now.getTime() + LINK_CODE_TTL_MS)));
  botApi.sendText({ id: persona.userId, first_name: persona.name }, { id: persona.userId, type: 'private' }, `/start ${code}`);
}
