import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The PostgreSQL side of the offline recipe (../shared/docs/harness.md §5): schema and migrations
// written from the SQLite source (prisma/providerSchema.ts); the CLI is only used for generate and diff.
const connectionString = process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1:1/unused';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  adapter: async () => new PrismaPg({ connectionString }),
});
