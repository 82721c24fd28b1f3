// CPU time from Linux /proc, to show where a machine's cores went during a run. Elsewhere every
// reading is NaN and the scenario prints no CPU figures.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try { ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { ticksPerSecond = 100; }
  }
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): index 0 is field 3, state. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** utime + stime of a process (all its threads), in seconds; with `reaped`, also its waited-for children's. */
export function processCpuSeconds(pid: number, reaped = false): number {
  const fields = statFields(pid);
  if (!fields) return Number.NaN;
  // Fields 14-17 of stat(5): utime, stime, cutime, cstime.
  const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return ticks / clockTicks();
}

/**
 * CPU seconds of a PostgreSQL server so far: the postmaster with its ended backends (reaped into
 * its cutime/cstime) plus the backends and workers alive now. Found by the `-p <port>` on the
 * postmaster's command line; NaN when it is not found.
 */
export function postgresCpuSeconds(port: number): number {
  let pids: string[];
  try { pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)); } catch { return Number.NaN; }
  const postmaster = pids.find((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /postgres$/.test(argv[0] ?? '') && argv.some((arg, i) => arg === '-p' && argv[i + 1] === String(port));
    } catch {
      return false;
    }
  });
  if (!postmaster) return Number.NaN;
  let seconds = processCpuSeconds(Number(postmaster), true);
  for (const pid of pids) {
    // Field 4 of stat(5) is the parent's pid.
    if (statFields(pid)?.[1] === postmaster) seconds += processCpuSeconds(Number(pid));
  }
  return seconds;
}

/** Busy CPU seconds of the whole machine (all cores) so far: /proc/stat's user, nice, system, irq and softirq. */
export function machineBusySeconds(): number {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user = 0, nice = 0, system = 0, _idle = 0, _iowait = 0, irq = 0, softirq = 0] = values.map(Number);
    return (user + nice + system + irq + softirq) / clockTicks();
  } catch {
    return Number.NaN;
  }
}
