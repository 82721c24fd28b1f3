import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../src/db/createDb';
import { migrateSqliteFile } from '../../src/db/sqliteDatabase';

let template: string | null = null;
let counter = 0;

/** The suite runs on PostgreSQL (TEST_DATABASE=postgresql, test/helpers/postgresGlobalSetup.ts). */
export const onPostgres = process.env.TEST_DATABASE === 'postgresql';

// Each test gets a new database on the run's server, copied from the migrated template.
function postgresDatabase(server: string): string {
  const name = `uji_${process.pid}_${++counter}`;
  const result = spawnSync('psql', [`${server}/postgres`, '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE "${name}" TEMPLATE "timkerja_template"`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`CREATE DATABASE ${name}: ${result.stderr}`);
  return `${server}/${name}`;
}

/**
 * A fresh, migrated database per test: a SQLite file copied from a template migrated once per
 * worker, or under TEST_DATABASE=postgresql the URL of a new database copied from the run's template.
 */
export function tempDbPath(): string {
  if (process.env.TEST_POSTGRES_SERVER) return postgresDatabase(process.env.TEST_POSTGRES_SERVER);
  if (!template) {
    template = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-template-')), 'template.db');
    migrateSqliteFile(template);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'timkerja-test-')), 'timkerja.db');
  copyFileSync(template, file);
  return file;
}

export async function openTestDb(file = tempDbPath()): Promise<{ db: Db; file: string }> {
  return { db: await createDb(file), file };
}
