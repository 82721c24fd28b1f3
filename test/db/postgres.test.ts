import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../prisma/postgresql/throwawayServer';
import { createDb } from '../../src/db/createDb';
import { defaultPostgresMigrationsDir, migratePostgres } from '../../src/db/postgresDatabase';
import { TestBot } from '../helpers/botHarness';
import { formFlow } from '../helpers/formFlow';
import { seedMinimal } from '../helpers/seedMinimal';

let server: ThrowawayPostgres;
let bot: TestBot | undefined;
beforeAll(async () => { server = await startThrowawayPostgres(); }, 60_000);
afterEach(async () => { await bot?.stop(); bot = undefined; });
afterAll(() => server?.stop());

describe('PostgreSQL (DATABASE_URL=postgresql://…)', () => {
  it('runs a form across a restart on a migrated server, and its audit log refuses changes', async () => {
    bot = await TestBot.start({ flows: [formFlow], file: server.createDatabase('inti') });
    const { ids } = await seedMinimal(bot.db, ['Ani']);
    const ani = await bot.link(ids.Ani!);
    await bot.as(ani).command('isi');
    await bot.as(ani).say('Saya menguasai analisis data spasial');
    bot = await bot.restart();
    await bot.as(ani).press('Kirim');

    expect(bot.lastText(ani)).toMatch(/^Pengajuan nomor 1 telah dikirim/);
    expect(await bot.db.conversation.count()).toBe(0);
    expect(await bot.db.auditLog.findFirst({ where: { action: 'uji.kirim' } })).toMatchObject({ actorId: ids.Ani, outcome: 'OK' });
    await expect(bot.db.auditLog.updateMany({ data: { outcome: 'DIUBAH' } })).rejects.toThrow(/append-only/);
    await expect(bot.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('applies the migrations once when several processes start together', async () => {
    const url = server.createDatabase('serentak');
    const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    const folders = readdirSync(defaultPostgresMigrationsDir).filter((name) => !name.endsWith('.toml'));
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, folders.length]);
  });

  it('starts the real entry point on DATABASE_URL with the demo organisation, never logging the URL', async () => {
    // Trust authentication ignores the password: it stands for a real one that must not be logged.
    const url = server.createDatabase('utama').replace('postgres@', 'postgres:RahasiaSandi123@');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, DATABASE_URL: url, DATABASE_PATH: '/nonexistent/unused.db', LOG_LEVEL: 'debug', SANDBOX: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 30_000);
      child.stdout.on('data', () => { if (output.includes('timkerja siap')) { clearTimeout(timer); resolve(); } });
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);

    expect(output).toContain('"database":"postgresql"');
    expect(output).not.toContain('RahasiaSandi123');
    const db = await createDb(url);
    expect(await db.instansi.findFirst()).toMatchObject({ code: 'kota-samarinda', policyProfile: 'SMD' });
    expect(await db.pegawai.count()).toBeGreaterThanOrEqual(55);
    await db.$disconnect();
  });
});
