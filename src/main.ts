// Composition root: configuration → database → core with flows → platform adapters.
import { flows } from '../flows/index';
import { createAdapters } from '../adapters/index';
import path from 'node:path';
import { ConfigError, loadConfig, sandboxWanted, type Config } from './config';
import { createCore } from './core/createCore';
import { systemClock, type Logger } from './core/ports';
import { createDb, type Db } from './db/createDb';
import { releaseClaimsOfDeadProcess } from './core/outbox/releaseClaims';
import { loadDemoOrganisation } from './admin/loadDemoOrganisation';
import { createLogger } from './logger';
import { startScheduler } from './scheduler/cron';
import { forgetSandbox, realAccounts } from './sandbox/sandboxTraces';
import { SandboxClock } from './sandbox/sandboxClock';
import { startSandboxPlatform, startSandboxPlayground, type SandboxPlatform } from './sandbox/startSandbox';

const NO_PLATFORM_HELP = `timkerja berjalan tanpa platform chat (mode luring).
Untuk menghubungkan platform, setel variabel lingkungan lalu jalankan ulang:
  Telegram: TELEGRAM_BOT_TOKEN (dari @BotFather); opsional TELEGRAM_WEBHOOK_URL + TELEGRAM_WEBHOOK_SECRET, TELEGRAM_API_ROOT
  Slack:    SLACK_BOT_TOKEN dan SLACK_SIGNING_SECRET; opsional SLACK_API_URL
Kelola data dengan: npm run admin -- import <berkas> | link-code <nip> | audit`;

const SANDBOX_HELP = (url: string) => `timkerja berjalan di SANDBOX: bot asli, Telegram tiruan di 127.0.0.1, tanpa internet.
Buka ${url} di peramban untuk mengobrol dengan bot sebagai pegawai organisasi demo.
Untuk memakai Telegram atau Slack sungguhan, setel TELEGRAM_BOT_TOKEN atau SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET;
sandbox lalu mati dengan sendirinya (SANDBOX=off mematikannya tanpa platform).`;

const SANDBOX_REFUSED = `Sandbox tidak dijalankan: basis data ini sudah berisi akun Telegram atau Slack sungguhan.
Jalankan dengan token platform, atau pakai berkas lain untuk mencoba: DATABASE_PATH=./data/sandbox.db npm start`;

/** Polling against the local Bot API only: a webhook setting is dropped, so nothing listens or posts beyond 127.0.0.1. */
function sandboxAdapterConfig(config: Config, sandbox: SandboxPlatform): Config {
  const { TELEGRAM_WEBHOOK_URL: _url, TELEGRAM_WEBHOOK_SECRET: _secret, ...rest } = config;
  return { ...rest, TELEGRAM_BOT_TOKEN: sandbox.token, TELEGRAM_API_ROOT: sandbox.apiRoot, TELEGRAM_BOT_USERNAME: sandbox.botApi.botUser.username };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const db = await createDb(config.DATABASE_URL ?? config.DATABASE_PATH, { poolSize: config.DATABASE_POOL_SIZE, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  await loadDemoIfEmpty(db, config, logger);
  const sandbox = await prepareSandbox(db, config, logger);
  const clock = sandbox?.clock ?? systemClock;
  // One process per SQLite file: a claim left in the outbox is a dead process's. On PostgreSQL other
  // processes may be sending right now: their claims run out by themselves.
  const released = config.DATABASE_URL ? 0 : await releaseClaimsOfDeadProcess(db, clock.now());
  if (released > 0) logger.warn({ released, code: 'OUTBOX_CLAIMS_RELEASED' }, 'outbox claims of a previous process released');
  const adapters = createAdapters(sandbox ? sandboxAdapterConfig(config, sandbox.platform) : config, logger);
  const telegramBotUsername = sandbox?.platform.botApi.botUser.username ?? config.TELEGRAM_BOT_USERNAME;
  const settings = {
    conversationTtlMs: config.CONVERSATION_TTL_HOURS * 3600_000, linkCodeTtlMs: config.LINK_CODE_TTL_DAYS * 24 * 3600_000,
    ...(telegramBotUsername ? { telegramBotUsername } : {}),
  };
  const core = createCore({ db, flows, clock, logger, settings, messengers: adapters.messengers, autoDrain: true });
  try {
    await adapters.start(core);
  } catch (error) {
    // Typically a wrong token or an unreachable API root: say which, never print the token.
    logger.error({ code: (error as { code?: string | number }).code ?? (error as Error).name }, 'platform adapter failed to start');
    console.error('Platform chat tidak dapat dihubungkan. Periksa TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT (atau variabel Slack) dan jaringan.');
    await core.stop();
    await db.$disconnect();
    process.exit(1);
  }
  const scheduler = startScheduler({ db, clock, logger, onQueued: () => core.wakeOutbox() });
  const sweeper = setInterval(() => void core.expireConversations().catch(() => logger.error({ code: 'EXPIRE_FAILED' }, 'conversation sweep failed')), 60_000);
  const playground = sandbox
    ? await startSandboxPlayground({ db, platform: sandbox.platform, clock: sandbox.clock, tick: () => scheduler.tick(), port: config.SANDBOX_PORT, logger }).catch((error: { code?: string }) => {
      if (error.code !== 'EADDRINUSE') throw error;
      console.error(`Port ${config.SANDBOX_PORT} sudah dipakai program lain. Jalankan dengan SANDBOX_PORT=<port lain>, atau 0 untuk port bebas.`);
      process.exit(1);
    })
    : null;

  if (playground) console.log(SANDBOX_HELP(playground.url));
  else if (adapters.names.length === 0) console.log(NO_PLATFORM_HELP);
  // Never the URL: it may carry a password.
  logger.info({ database: config.DATABASE_URL ? 'postgresql' : config.DATABASE_PATH, adapters: adapters.names, sandbox: playground !== null, flows: flows.length }, 'timkerja siap');

  const shutdown = async () => {
    clearInterval(sweeper);
    await playground?.stop();
    await scheduler.stop();
    await adapters.stop();
    await sandbox?.platform.stop();
    await core.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/**
 * No platform token: the real Telegram adapter will run against the local Bot API on 127.0.0.1.
 * With a token: whatever an earlier sandbox left in the database is cleared.
 */
async function prepareSandbox(db: Db, config: Config, logger: Logger): Promise<{ clock: SandboxClock; platform: SandboxPlatform } | null> {
  const clockFile = path.join(path.dirname(config.DATABASE_PATH), 'sandbox-clock.json');
  if (!sandboxWanted(config)) {
    logger.info(await forgetSandbox(db, clockFile, new Date()), 'sandbox traces cleared');
    return null;
  }
  if ((await realAccounts(db)) > 0) {
    console.error(SANDBOX_REFUSED);
    await db.$disconnect();
    process.exit(1);
  }
  const clock = new SandboxClock(clockFile);
  return { clock, platform: await startSandboxPlatform(clock) };
}

async function loadDemoIfEmpty(db: Db, config: Config, logger: Logger): Promise<void> {
  if (config.DEMO_ORGANISATION !== 'on' || (await db.instansi.count()) > 0) return;
  const report = await loadDemoOrganisation(db, new Date());
  if (!report.ok) throw new Error(`organisasi demo tidak valid: ${report.errors.length} kesalahan`);
  logger.info({ instansi: report.instansiCode, pegawai: report.summary.pegawai?.created }, 'demo organisation loaded');
}

await main();
