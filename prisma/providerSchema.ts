// One source schema (prisma/schema.prisma, SQLite) and the PostgreSQL schema written from it: a
// Prisma schema names one provider literally, and a client generated for one refuses the other's
// driver adapter (../shared/docs/harness.md §5). Only the datasource and the client's folder differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_SCHEMA = path.join('prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join('prisma', 'postgresql', 'schema.prisma');

const HEADER = '// Written by prisma/providerSchema.ts from prisma/schema.prisma: edit that file, then `npm run db:migration -- <nama>`.\n';

export function postgresSchemaFrom(source: string): string {
  const replaced = source
    .replace('output       = "../src/db/generated"', 'output       = "../../src/db/generated-pg"')
    .replace(/provider = "sqlite"\n  url      = "file:\.\/unused\.db"/, 'provider = "postgresql"\n  url      = "postgresql://unused@127.0.0.1/unused"');
  if (!replaced.includes('generated-pg') || !replaced.includes('"postgresql"')) throw new Error('prisma/schema.prisma: generator output or datasource not in the expected form');
  return HEADER + replaced;
}

export function writePostgresSchema(): void {
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SOURCE_SCHEMA, 'utf8')));
}

/** True when the checked-in PostgreSQL schema is the one the source schema gives. */
export function postgresSchemaCurrent(): boolean {
  return readFileSync(POSTGRES_SCHEMA, 'utf8') === postgresSchemaFrom(readFileSync(SOURCE_SCHEMA, 'utf8'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writePostgresSchema();
  console.log(`${POSTGRES_SCHEMA} ditulis ulang dari ${SOURCE_SCHEMA}`);
}
