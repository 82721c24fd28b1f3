import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../src/db/createDb';
import { migrateSqliteFile } from '../../src/db/sqliteDatabase';

let template: string | null = null;

/** A fresh, migrated SQLite file per test: a copy of a template migrated once per worker. */
export function tempDbPath(): string {
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
