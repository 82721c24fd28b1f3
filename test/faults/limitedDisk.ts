import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statfsSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A place for the database whose free space can run out. Preferably a small tmpfs of its own, filled
 * by another file as a growing log would fill a real disk (ENOSPC, SQLite's SQLITE_FULL). Mounting
 * needs root (CAP_SYS_ADMIN); without it, the bot's file size limit (RLIMIT_FSIZE, set with
 * prlimit on the running process) stands in: writes past it fail with EFBIG, which Node turns into
 * an error instead of the default SIGXFSZ kill, and SQLite reports as SQLITE_FULL or SQLITE_IOERR.
 */
export interface LimitedDisk {
  readonly kind: 'tmpfs' | 'rlimit';
  /** Where to put the database. */
  readonly dir: string;
  /** Leaves about `headroomBytes` for the bot (process `pid`) to write. */
  fill(headroomBytes: number, pid: number): void;
  /** Frees the space (or lifts the limit) again. */
  free(pid: number): void;
  /** Once the bot has stopped: unmounts and removes the directory. */
  dispose(): void;
}

const FILLER = 'growing.log';
/** The database file's name inside a LimitedDisk (the rlimit stand-in measures it by this name). */
export const DATABASE_FILE = 'timkerja.db';

/** A tmpfs of `sizeBytes` when this process may mount one, else the RLIMIT_FSIZE stand-in; FAULTS_DISK=rlimit forces the latter. */
export function limitedDisk(sizeBytes: number): LimitedDisk {
  const dir = mkdtempSync(path.join(tmpdir(), 'timkerja-disk-'));
  if (process.env.FAULTS_DISK !== 'rlimit' && tryMount(dir, sizeBytes)) return tmpfsDisk(dir);
  return rlimitDisk(dir);
}

function tryMount(dir: string, sizeBytes: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function tmpfsDisk(dir: string): LimitedDisk {
  const filler = path.join(dir, FILLER);
  return {
    kind: 'tmpfs',
    dir,
    fill(headroomBytes) {
      const { bavail, bsize } = statfsSync(dir);
      let left = bavail * bsize - headroomBytes;
      const chunk = Buffer.alloc(1 << 20, 0x2e);
      const fd = openSync(filler, 'a');
      try {
        while (left > 0) left -= writeSync(fd, chunk, 0, Math.min(chunk.length, left));
      } finally {
        closeSync(fd);
      }
    },
    free() {
      if (existsSync(filler)) unlinkSync(filler);
    },
    dispose() {
      // A lazy unmount when something still holds a file open there (a bot that did not exit).
      try { execFileSync('umount', [dir], { stdio: 'pipe' }); } catch { execFileSync('umount', ['-l', dir], { stdio: 'pipe' }); }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function rlimitDisk(dir: string): LimitedDisk {
  const largest = () => Math.max(...[DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => (existsSync(path.join(dir, name)) ? statSync(path.join(dir, name)).size : 0)));
  // Only the soft limit: lowering the hard limit could not be undone without CAP_SYS_RESOURCE.
  const limit = (pid: number, value: string) => execFileSync('prlimit', ['--pid', String(pid), `--fsize=${value}:`], { stdio: 'pipe' });
  return {
    kind: 'rlimit',
    dir,
    fill(headroomBytes, pid) { limit(pid, String(largest() + headroomBytes)); },
    free(pid) { limit(pid, 'unlimited'); },
    dispose() { rmSync(dir, { recursive: true, force: true }); },
  };
}
