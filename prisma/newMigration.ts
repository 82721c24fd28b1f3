// Writes a new migration for both databases: `npm run db:migration -- <nama>`.
// `prisma migrate dev` needs a shadow database that the offline JS engine cannot create, so each
// migration folder keeps a snapshot of the schema it produced and the next one is diffed from it.
// The PostgreSQL schema is written from the SQLite source first (prisma/providerSchema.ts); its
// diff needs a server, so a throwaway one is started (prisma/postgresql/throwawayServer.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPrisma } from './cli';
import { POSTGRES_SCHEMA, SOURCE_SCHEMA, writePostgresSchema } from './providerSchema';
import { startThrowawayPostgres } from './postgresql/throwawayServer';

interface Provider { migrationsDir: string; schema: string; config: string }

const SQLITE: Provider = { migrationsDir: path.join('prisma', 'migrations'), schema: SOURCE_SCHEMA, config: 'prisma/prisma.config.ts' };
const POSTGRES: Provider = { migrationsDir: path.join('prisma', 'postgresql', 'migrations'), schema: POSTGRES_SCHEMA, config: 'prisma/postgresql/prisma.config.ts' };

/** The SQL that takes the provider's last snapshot to its schema now; null when nothing changed. */
function diff(provider: Provider): string | null {
  const previous = readdirSync(provider.migrationsDir).filter((entry) => existsSync(path.join(provider.migrationsDir, entry, 'schema.prisma'))).sort().at(-1);
  const from = previous ? ['--from-schema-datamodel', path.join(provider.migrationsDir, previous, 'schema.prisma')] : ['--from-empty'];
  const tempFile = path.join(tmpdir(), `timkerja-migration-${process.pid}.sql`);
  const status = runPrisma(['migrate', 'diff', ...from, '--to-schema-datamodel', provider.schema, '--script', '-o', tempFile], provider.config);
  if (status !== 0) process.exit(status);
  const sql = readFileSync(tempFile, 'utf8');
  rmSync(tempFile);
  return /^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, '')) ? sql : null;
}

function write(provider: Provider, folderName: string, sql: string): string {
  const folder = path.join(provider.migrationsDir, folderName);
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  copyFileSync(provider.schema, path.join(folder, 'schema.prisma'));
  return folder;
}

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('Pemakaian: npm run db:migration -- <nama_migrasi>');
  process.exit(2);
}
writePostgresSchema();
// The CLI opens the adapter's database even for a schema-to-schema diff: give each a throwaway one.
process.env.DATABASE_PATH = path.join(tmpdir(), `timkerja-migration-${process.pid}.db`);
const sqliteSql = diff(SQLITE);
const server = await startThrowawayPostgres();
let postgresSql: string | null;
try {
  process.env.DATABASE_URL = server.createDatabase('migration');
  postgresSql = diff(POSTGRES);
} finally {
  server.stop();
}
if (!sqliteSql && !postgresSql) {
  console.log('Skema tidak berubah: tidak ada migrasi baru.');
  process.exit(0);
}
const folderName = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`;
// Both providers get the folder, so their histories stay step for step (test/db/providerSchemas.test.ts).
console.log(`Migrasi baru: ${write(SQLITE, folderName, sqliteSql ?? '-- no change on SQLite\nSELECT 1;\n')}, ${write(POSTGRES, folderName, postgresSql ?? '-- no change on PostgreSQL\nSELECT 1;\n')}`);
