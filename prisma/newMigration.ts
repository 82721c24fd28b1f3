// Writes a new migration: `npm run db:migration -- <name>`.
// `prisma migrate dev` needs a shadow database that the offline JS engine cannot create on SQLite,
// so each migration folder keeps a snapshot of the schema it produced and we diff against that.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPrisma } from './cli';

const migrationsDir = path.join('prisma', 'migrations');
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('Pemakaian: npm run db:migration -- <nama_migrasi>');
  process.exit(2);
}

const previous = readdirSync(migrationsDir)
  .filter((entry) => existsSync(path.join(migrationsDir, entry, 'schema.prisma')))
  .sort()
  .at(-1);
const from = previous
  ? ['--from-schema-datamodel', path.join(migrationsDir, previous, 'schema.prisma')]
  : ['--from-empty'];
const tempFile = path.join(tmpdir(), `timkerja-migration-${process.pid}.sql`);
// The CLI opens the adapter's database even for a schema-to-schema diff: give it a throwaway file.
process.env.DATABASE_PATH = path.join(tmpdir(), `timkerja-migration-${process.pid}.db`);
const status = runPrisma(['migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script', '-o', tempFile]);
if (status !== 0) process.exit(status);

const sql = readFileSync(tempFile, 'utf8');
if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) {
  rmSync(tempFile);
  console.log('Skema tidak berubah: tidak ada migrasi baru.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(folder);
copyFileSync(tempFile, path.join(folder, 'migration.sql'));
rmSync(tempFile);
copyFileSync(path.join('prisma', 'schema.prisma'), path.join(folder, 'schema.prisma'));
console.log(`Migrasi baru: ${folder}`);
