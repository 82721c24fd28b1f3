import os from 'node:os';

/** BENCH_QUICK=1: tiny N and one run, so CI can keep the bench code from rotting (no timing asserts). */
export const QUICK = process.env.BENCH_QUICK === '1';

export const config = QUICK
  ? {
    runs: 1,
    inbound: { users: 20, echoUpdates: 400, openLoopRate: 40, lighterRate: 20, openLoopUsers: 5 },
    fanOut: { members: 20, injected429Rate: 0.02 },
    slack: { users: 10, burst: 10 },
    scheduler: { reminders: 1, members: 20, viaCron: false },
    startup: { runs: 1 },
    digests: { members: [20, 100] },
    multiProcess: { users: 6, warmUsersPerProcess: 1 },
  }
  : {
    runs: 3,
    inbound: { users: 200, echoUpdates: 4000, openLoopRate: 100, lighterRate: 50, openLoopUsers: 100 },
    fanOut: { members: 2000, injected429Rate: 0.02 },
    slack: { users: 50, burst: 50 },
    scheduler: { reminders: 3, members: 300, viaCron: true },
    startup: { runs: 3 },
    // Each size only if it fits the scenario's time budget (see digestsAtScale.bench-scenario.ts).
    digests: { members: [1000, 10_000, 100_000] },
    // Scenario 7: the same measured users for every variant (1 to 3 bot processes), after warm-up users of their own.
    multiProcess: { users: 40, warmUsersPerProcess: 3 },
  };

export interface Machine {
  cpuModel: string;
  cpus: number;
  node: string;
  platform: string;
  totalMemoryMb: number;
  /** 1/5/15-minute load averages: other work on the machine competes for the same cores. */
  loadAverage: string;
}

export const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(2)).join('/');

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown', cpus: cpus.length, node: process.version,
    platform: `${os.platform()} ${os.release()}`, totalMemoryMb: Math.round(os.totalmem() / 2 ** 20), loadAverage: `${loadAverage()} at start`,
  };
}

/** Lines logged at error level or above by the code under test since the process started. */
export const loggedErrors = { count: 0, codes: new Map<string, number>() };

/** The core's logger in the bench: pino at info as in production, written nowhere but counted (BENCH_LOG=1: warnings and errors to stderr). */
export const SILENT_LOG_STREAM = {
  write: (line: string): void => {
    if (/"level":(50|60)/.test(line)) {
      loggedErrors.count++;
      const code = /"code":"([^"]*)"/.exec(line)?.[1] ?? /"msg":"([^"]*)"/.exec(line)?.[1] ?? '?';
      loggedErrors.codes.set(code, (loggedErrors.codes.get(code) ?? 0) + 1);
    }
    if (process.env.BENCH_LOG === '1' && /"level":(40|50|60)/.test(line)) process.stderr.write(line);
  },
};
