import { z } from 'zod';
import { TimkerjaError } from './core/errors';
import { indonesianErrorMap } from './core/domain/indonesianErrorMap';

const optionalSecret = z.string().min(1).optional();

export const EnvSchema = z.object({
  DATABASE_PATH: z.string().min(1).default('./data/timkerja.db'),
  // Set: PostgreSQL instead of the SQLite file (issue 11); SSL by the URL's sslmode.
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'URL PostgreSQL, mis. postgresql://pengguna:sandi@host:5432/timkerja').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LINK_CODE_TTL_DAYS: z.coerce.number().int().positive().max(90).default(7),
  CONVERSATION_TTL_HOURS: z.coerce.number().int().positive().max(24 * 30).default(48),
  DEMO_ORGANISATION: z.enum(['on', 'off']).default('on'),
  TELEGRAM_BOT_TOKEN: optionalSecret,
  TELEGRAM_BOT_USERNAME: z.string().regex(/^[A-Za-z0-9_]{5,32}$/, 'nama bot Telegram tanpa @').optional(),
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  // Telegram: secret_token is 1–256 characters of A–Z, a–z, 0–9, _ and -.
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 karakter A-Z, a-z, 0-9, _ atau -').optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  TELEGRAM_WEBHOOK_HOST: z.string().min(1).default('0.0.0.0'),
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_API_URL: z.url().optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'token tingkat aplikasi Slack diawali xapp-').optional(),
  SLACK_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLACK_HOST: z.string().min(1).default('0.0.0.0'),
  SLACK_LINK_BY_EMAIL: z.enum(['on', 'off']).default('on'),
  SANDBOX: z.enum(['on', 'off']).default('on'),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
}).refine((env) => !env.TELEGRAM_WEBHOOK_URL || env.TELEGRAM_WEBHOOK_SECRET, {
  path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'wajib diisi bila TELEGRAM_WEBHOOK_URL diisi',
}).refine((env) => !env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET, {
  path: ['SLACK_SIGNING_SECRET'], message: 'wajib diisi bila SLACK_BOT_TOKEN diisi',
});
export type Config = z.infer<typeof EnvSchema>;

/** The sandbox runs only when no platform is configured: it never runs beside a real token. */
export function sandboxWanted(config: Config): boolean {
  return config.SANDBOX === 'on' && !config.TELEGRAM_BOT_TOKEN && !config.SLACK_BOT_TOKEN;
}

export class ConfigError extends TimkerjaError {
  constructor(readonly problems: string[]) {
    super('CONFIG_INVALID', `Konfigurasi tidak valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; a bad value throws a ConfigError that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env, { error: indonesianErrorMap });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}
