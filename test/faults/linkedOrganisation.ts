import Database from 'better-sqlite3';
import { createDb } from '../../src/db/createDb';
import { createOrganisationDb, linkTelegramDirectly, type BenchMember } from '../bench/benchOrganisation';
import type { FakeUser } from '../fakes/fakeTelegram';
import { fakeUser } from './chatUser';

export interface LinkedOrganisation {
  /** The SQLite file, closed (its WAL checkpointed), ready for the bot. */
  file: string;
  members: BenchMember[];
  /** members[i]'s Telegram account. */
  users: FakeUser[];
}

/** The bench organisation with `count` generated members, each linked to a fake Telegram user. */
export async function linkedOrganisation(count: number, firstUserId: number): Promise<LinkedOrganisation> {
  const { file, members } = await createOrganisationDb(count);
  const db = await createDb(file);
  try {
    const ids = await linkTelegramDirectly(db, members, firstUserId);
    return { file, members, users: ids.map(fakeUser) };
  } finally {
    await db.$disconnect();
  }
}

/** Reads the file from this process (a second connection; WAL lets it read while the bot runs). */
export function readDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true, timeout: 30_000 });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
