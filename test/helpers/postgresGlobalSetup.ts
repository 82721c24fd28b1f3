// TEST_DATABASE=postgresql: the whole suite on PostgreSQL (issue 11). A throwaway Debian server
// for the run, with one migrated template database that every test's database is copied from
// (test/helpers/testDb.ts). Without the variable this does nothing: SQLite files, as always.
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../prisma/postgresql/throwawayServer';
import { migratePostgres } from '../../src/db/postgresDatabase';

export const TEMPLATE_DATABASE = 'timkerja_template';
let server: ThrowawayPostgres | null = null;

export async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE !== 'postgresql') return;
  server = await startThrowawayPostgres();
  await migratePostgres(server.createDatabase(TEMPLATE_DATABASE));
  // Inherited by the test workers, which start after this.
  process.env.TEST_POSTGRES_SERVER = server.url.replace(/\/postgres$/, '');
}

export function teardown(): void {
  server?.stop();
}
