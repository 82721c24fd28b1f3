import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('runs offline on SQLite with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DATABASE_PATH: './data/timkerja.db', LINK_CODE_TTL_DAYS: 7 });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('names each bad variable in the error', () => {
    let error: unknown;
    try {
      loadConfig({ LINK_CODE_TTL_DAYS: 'seminggu', TELEGRAM_API_ROOT: 'bukan url', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^LINK_CODE_TTL_DAYS: /m);
    expect(problems).toMatch(/^TELEGRAM_API_ROOT: /m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
  });

  it('stops the start command with a message naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, LINK_CODE_TTL_DAYS: '-3', DATABASE_PATH: '/nonexistent/never-created.db' }, encoding: 'utf8', timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Konfigurasi tidak valid');
    expect(result.stderr).toContain('LINK_CODE_TTL_DAYS');
  });
});
