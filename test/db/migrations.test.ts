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

  it('rebuilds a table the way Prisma does without losing the rows that depend on it', async () => {
    const dir = tempDir();
    const migrations = path.join(dir, 'migrations');
    cpSync(defaultMigrationsDir, migrations, { recursive: true });
    const file = path.join(dir, 'rebuild.db');
    migrateSqliteFile(file, migrations);
    const db = await createDb(file);
    const instansi = await db.instansi.create({ data: { code: 'x', name: 'X', kind: 'KOTA', timeZone: 'Asia/Jakarta', policyProfile: 'SMD', letterhead: '{}', settings: '{}' } });
    await db.perangkatDaerah.create({ data: { instansiId: instansi.id, code: 'PD', name: 'PD', kind: 'DINAS' } });
    await db.$disconnect();

    // The shape `prisma migrate diff` writes for SQLite when a column changes: create, copy, drop, rename.
    const ddl = (new Database(file, { readonly: true }).prepare("SELECT sql FROM sqlite_master WHERE name = 'Instansi'").get() as { sql: string }).sql;
    mkdirSync(path.join(migrations, '29991231000000_rebuild_instansi'));
    writeFileSync(path.join(migrations, '29991231000000_rebuild_instansi', 'migration.sql'), [
      'PRAGMA defer_foreign_keys=ON;', 'PRAGMA foreign_keys=OFF;',
      `${ddl.replace('CREATE TABLE "Instansi"', 'CREATE TABLE "new_Instansi"')};`,
      'INSERT INTO "new_Instansi" SELECT * FROM "Instansi";', 'DROP TABLE "Instansi";',
      'ALTER TABLE "new_Instansi" RENAME TO "Instansi";', 'CREATE UNIQUE INDEX "Instansi_code_key" ON "Instansi"("code");',
      'PRAGMA foreign_keys=ON;', 'PRAGMA defer_foreign_keys=OFF;',
    ].join('\n'));
    expect(migrateSqliteFile(file, migrations).applied).toEqual(['29991231000000_rebuild_instansi']);

    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM PerangkatDaerah').get()).toEqual({ n: 1 });
    raw.close();
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

describe('audit log', () => {
  it('refuses to change or delete an audit row at the database level', async () => {
    const file = path.join(tempDir(), 'audit.db');
    const db = await createDb(file);
    const row = await db.auditLog.create({ data: { at: new Date(), action: 'uji', outcome: 'OK', details: '{}' } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { outcome: 'REFUSED' } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ outcome: 'OK' });
    await db.$disconnect();
  });
});
