/**
 * Why the database refused a statement, when the cause is the storage rather than the query:
 * DATABASE_BUSY (another process held the write lock longer than we wait), STORAGE_FULL (the disk
 * or the file's size limit is reached), STORAGE_IO (the disk failed a read or write).
 */
export type StorageFailure = 'DATABASE_BUSY' | 'STORAGE_FULL' | 'STORAGE_IO';

/** The SQLite result code behind an error, as better-sqlite3, the driver adapter or Prisma carry it. */
export function sqliteCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown }; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  // Prisma reports an unmapped driver error under its SQLite code; SQLITE_BUSY arrives as P1008/P2010.
  const candidates = [e?.code, e?.cause?.originalCode, e?.meta?.driverAdapterError?.cause?.originalCode];
  return candidates.find((code): code is string => typeof code === 'string' && code.startsWith('SQLITE_'));
}

export function storageFailure(error: unknown): StorageFailure | null {
  const code = sqliteCode(error);
  if (!code) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DATABASE_BUSY';
  // ENOSPC is SQLITE_FULL; a write beyond RLIMIT_FSIZE (EFBIG) surfaces as SQLITE_IOERR_WRITE.
  if (code === 'SQLITE_FULL') return 'STORAGE_FULL';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'STORAGE_IO';
  return null;
}

/** Whether a failed statement may simply be run again: it waited for another process's lock and changed nothing. */
export const isBusy = (error: unknown): boolean => sqliteCode(error)?.startsWith('SQLITE_BUSY') ?? false;
