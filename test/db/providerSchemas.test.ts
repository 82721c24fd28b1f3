import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA, SOURCE_SCHEMA, postgresSchemaFrom } from '../../prisma/providerSchema';

const SQLITE_MIGRATIONS = path.join('prisma', 'migrations');
const POSTGRES_MIGRATIONS = path.join('prisma', 'postgresql', 'migrations');
const BASELINE = '20261126070000_postgresql_baseline';
const folders = (dir: string) => readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'migration.sql'))).sort();
const latestSnapshot = (dir: string) => readFileSync(path.join(dir, folders(dir).at(-1)!, 'schema.prisma'), 'utf8');

// Issue 11: one source schema, two databases; CI fails when they disagree.
describe('the SQLite and PostgreSQL schemas and migrations', () => {
  it('has the PostgreSQL schema written from the source schema (npx tsx prisma/providerSchema.ts)', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(postgresSchemaFrom(readFileSync(SOURCE_SCHEMA, 'utf8')));
  });

  it('has a migration on each database for the schema as it is now (npm run db:migration -- <nama>)', () => {
    expect(latestSnapshot(SQLITE_MIGRATIONS)).toBe(readFileSync(SOURCE_SCHEMA, 'utf8'));
    expect(latestSnapshot(POSTGRES_MIGRATIONS)).toBe(readFileSync(POSTGRES_SCHEMA, 'utf8'));
  });

  it('writes every migration after the PostgreSQL baseline for both databases, under the same name', () => {
    const after = (dir: string) => folders(dir).filter((name) => name > BASELINE);
    expect(after(POSTGRES_MIGRATIONS)).toEqual(after(SQLITE_MIGRATIONS));
    expect(folders(POSTGRES_MIGRATIONS)[0]).toBe(BASELINE);
    expect(folders(SQLITE_MIGRATIONS).filter((name) => name < BASELINE).at(-1)).toBe('20261126051123_digest_indexes');
  });
});
