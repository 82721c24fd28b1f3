import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/createDb';
import { defaultMigrationsDir, migrateSqliteFile } from '../../src/db/sqliteDatabase';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'timkerja-migrate-'));

describe('migrations', () => {
  it('creates every table on a fresh file, with foreign keys enforced and WAL on', async () => {
    const file = path.join(tempDir(), 'sub', 'dir', 'fresh.db');
    const result = migrateSqliteFile(file);
    expect(result.applied.length).toBeGreaterThan(0);
    const db = await createDb(file);
    expect(await db.$queryRawUnsafe('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await expect(db.pegawai.create({
      data: { instansiId: 'missing', nip: '199001012015011001', name: 'X', employmentStatus: 'PNS', jabatan: 'X', jenisJabatan: 'PELAKSANA', homeUnitId: 'missing' },
    })).rejects.toThrow(/Foreign key/i);
    await db.$disconnect();
    expect(migrateSqliteFile(file).applied).toEqual([]);
  });

  it('upgrades an older database in place and keeps its data', async () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    cpSync(defaultMigrationsDir, migrations, { recursive: true });
    const file = path.join(dir, 'old.db');
    migrateSqliteFile(file, migrations);
    const db = await createDb(file);
    await db.inboundEvent.create({ data: { eventKey: 'kept-across-upgrade' } });
    await db.$disconnect();

    mkdirSync(path.join(migrations, '29991231000000_add_note'));
    writeFileSync(path.join(migrations, '29991231000000_add_note', 'migration.sql'), 'ALTER TABLE "InboundEvent" ADD COLUMN "note" TEXT;');
    expect(migrateSqliteFile(file, migrations).applied).toEqual(['29991231000000_add_note']);

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT eventKey, note FROM InboundEvent').all()).toEqual([{ eventKey: 'kept-across-upgrade', note: null }]);
    raw.close();
  });

  it('records migrations the way prisma migrate expects, so its status command agrees', () => {
    const file = path.join(tempDir(), 'status.db');
    migrateSqliteFile(file);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/cli.ts', 'migrate', 'status'], {
      env: { ...process.env, DATABASE_PATH: file }, encoding: 'utf8', timeout: 60_000,
    });
    expect(result.stdout + result.stderr).toContain('Database schema is up to date');
    expect(result.status).toBe(0);
  });
});
