import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from '../src/db/createDb';
import { loadDemoOrganisation } from '../src/admin/loadDemoOrganisation';

describe('the start command', () => {
  it('starts offline on a new SQLite file, loads the demo organisation, names the platform variables, and stops cleanly', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-main-')), 'data', 'timkerja.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, DATABASE_PATH: file, LOG_LEVEL: 'info', SANDBOX: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line:\n${stdout}`)), 30_000);
      child.stdout.on('data', () => { if (stdout.includes('timkerja siap')) { clearTimeout(timer); resolve(); } });
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${stdout}`)));
    });
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));

    expect(code).toBe(0);
    expect(stdout).toContain('TELEGRAM_BOT_TOKEN');
    expect(stdout).toContain('SLACK_SIGNING_SECRET');
    const ready = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'timkerja siap');
    expect(ready).toMatchObject({ level: 30, adapters: [] });
    const db = await createDb(file);
    expect(await db.instansi.findFirst()).toMatchObject({ code: 'kota-samarinda', policyProfile: 'SMD', timeZone: 'Asia/Makassar' });
    expect(await db.pegawai.count()).toBeGreaterThanOrEqual(55);
    await db.$disconnect();
  });
});

describe('the start command with a platform that cannot be reached', () => {
  it('stops with a message naming the variables to check, without printing the token', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-main-')), 'timkerja.db');
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, DATABASE_PATH: file, TELEGRAM_BOT_TOKEN: '123456:RAHASIA-TOKEN', TELEGRAM_API_ROOT: 'http://127.0.0.1:9/' },
      encoding: 'utf8', timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Periksa TELEGRAM_BOT_TOKEN / TELEGRAM_API_ROOT');
    expect(result.stdout + result.stderr).not.toContain('RAHASIA-TOKEN');
  });
});

describe('the start command without a token on a database used with a real platform', () => {
  it('refuses to run the sandbox there, naming another file to try it on, and changes nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-main-')), 'timkerja.db');
    const db = await createDb(file);
    await loadDemoOrganisation(db, new Date());
    const pegawai = await db.pegawai.findFirstOrThrow();
    await db.platformIdentity.create({ data: { pegawaiId: pegawai.id, platform: 'telegram', workspace: '', accountId: '5551234', chatId: '5551234' } });
    await db.$disconnect();
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, DATABASE_PATH: file, SANDBOX_PORT: '0' }, encoding: 'utf8', timeout: 60_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Sandbox tidak dijalankan: basis data ini sudah berisi akun Telegram atau Slack sungguhan.');
    expect(result.stderr).toContain('DATABASE_PATH=./data/sandbox.db npm start');
    const after = await createDb(file);
    expect(await after.platformIdentity.count()).toBe(1);
    await after.$disconnect();
  });
});
