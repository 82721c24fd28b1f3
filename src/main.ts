// Composition root: configuration → database → core with flows → platform adapters.
import { flows } from '../flows/index';
import { createAdapters } from '../adapters/index';
import { ConfigError, loadConfig, type Config } from './config';
import { createCore } from './core/createCore';
import { systemClock, type Logger } from './core/ports';
import { createDb, type Db } from './db/createDb';
import { loadDemoOrganisation } from './admin/loadDemoOrganisation';
import { createLogger } from './logger';
import { startScheduler } from './scheduler/cron';

const NO_PLATFORM_HELP = `timkerja berjalan tanpa platform chat (mode luring).
Untuk menghubungkan platform, setel variabel lingkungan lalu jalankan ulang:
  Telegram: TELEGRAM_BOT_TOKEN (dari @BotFather); opsional TELEGRAM_WEBHOOK_URL + TELEGRAM_WEBHOOK_SECRET, TELEGRAM_API_ROOT
  Slack:    SLACK_BOT_TOKEN dan SLACK_SIGNING_SECRET; opsional SLACK_API_URL
Kelola data dengan: npm run admin -- import <berkas> | link-code <nip> | audit`;

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
  const db = await createDb(config.DATABASE_PATH);
  await loadDemoIfEmpty(db, config, logger);
  const settings = { conversationTtlMs: config.CONVERSATION_TTL_HOURS * 3600_000, linkCodeTtlMs: config.LINK_CODE_TTL_DAYS * 24 * 3600_000 };
  const adapters = createAdapters(config, logger);
  const core = createCore({ db, flows, clock: systemClock, logger, settings, messengers: adapters.messengers, autoDrain: true });
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
  const scheduler = startScheduler({ db, clock: systemClock, logger, onQueued: () => core.wakeOutbox() });
  const sweeper = setInterval(() => void core.expireConversations().catch(() => logger.error({ code: 'EXPIRE_FAILED' }, 'conversation sweep failed')), 60_000);

  if (adapters.names.length === 0) console.log(NO_PLATFORM_HELP);
  logger.info({ database: config.DATABASE_PATH, adapters: adapters.names, flows: flows.length }, 'timkerja siap');

  const shutdown = async () => {
    clearInterval(sweeper);
    await scheduler.stop();
    await adapters.stop();
    await core.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

async function loadDemoIfEmpty(db: Db, config: Config, logger: Logger): Promise<void> {
  if (config.DEMO_ORGANISATION !== 'on' || (await db.instansi.count()) > 0) return;
  const report = await loadDemoOrganisation(db, new Date());
  if (!report.ok) throw new Error(`organisasi demo tidak valid: ${report.errors.length} kesalahan`);
  logger.info({ instansi: report.instansiCode, pegawai: report.summary.pegawai?.created }, 'demo organisation loaded');
}

await main();
