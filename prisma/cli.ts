// Runs the Prisma CLI offline: the dummy engine paths stop it from downloading native engines,
// which this environment cannot reach (../shared/docs/harness.md §5).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const prismaBin = require.resolve('prisma/build/index.js');

export function runPrisma(args: string[], config = 'prisma/prisma.config.ts'): number {
  const result = spawnSync(process.execPath, [prismaBin, ...args, '--config', config], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
      PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  return result.status ?? 1;
}

// `--postgresql` first: the same command on the PostgreSQL schema (prisma/postgresql/).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [first, ...rest] = process.argv.slice(2);
  process.exit(first === '--postgresql' ? runPrisma(rest, 'prisma/postgresql/prisma.config.ts') : runPrisma(process.argv.slice(2)));
}
