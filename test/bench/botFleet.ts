import { BotProcess, freePort } from '../faults/botProcess';
import { WEBHOOK_SECRET } from './telegramBots';

export interface BotFleet {
  /** Each process's webhook URL (secret: WEBHOOK_SECRET), in start order. */
  urls: string[];
  pids: number[];
  /** Lines the processes logged at error level or above (pino 50, 60), by code or message. */
  errors(): Map<string, number>;
  stop(): Promise<void>;
}

/**
 * `count` processes of the real bot (`node --import tsx src/main.ts`) in Telegram webhook mode, each
 * on its own port, all on one database (`DATABASE_URL` for PostgreSQL, else the SQLite file) and one
 * Bot API. Started together, as a deployment behind a load balancer would be.
 */
export async function startBotFleet(options: { count: number; database: string; sqliteDir: string; apiRoot: string; token: string }): Promise<BotFleet> {
  const ports = await Promise.all(Array.from({ length: options.count }, () => freePort()));
  const postgres = /^postgres(ql)?:\/\//.test(options.database);
  const started = await Promise.allSettled(ports.map((port) => BotProcess.start({
    // With DATABASE_URL, DATABASE_PATH only places the sandbox's clock file: keep it in the bench's folder.
    ...(postgres ? { DATABASE_URL: options.database, DATABASE_PATH: `${options.sqliteDir}/unused.db` } : { DATABASE_PATH: options.database }),
    LOG_LEVEL: 'info',
    SANDBOX: 'off',
    DEMO_ORGANISATION: 'off',
    TELEGRAM_BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    TELEGRAM_BOT_USERNAME: 'timkerja_bench_bot',
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_WEBHOOK_PORT: String(port),
    TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
  }, 90_000)));
  const bots = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => { await Promise.all(bots.map((bot) => bot.stop())); };
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return {
    urls: ports.map((port) => `http://127.0.0.1:${port}/telegram/webhook`),
    pids: bots.map((bot) => bot.pid),
    errors: () => {
      const codes = new Map<string, number>();
      for (const line of bots.flatMap((bot) => bot.logs()).filter((l) => l.level >= 50)) {
        const code = line.code ?? line.msg ?? '?';
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      return codes;
    },
    stop,
  };
}
