import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// Offline recipe (../shared/docs/harness.md §5): JS schema engine + driver adapter, no native engines.
const databasePath = process.env.DATABASE_PATH ?? './data/timkerja.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  adapter: async () => new PrismaBetterSQLite3({ url: `file:${databasePath}` }),
});
