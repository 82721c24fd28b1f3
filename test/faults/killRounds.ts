import { BotProcess, type LogLine } from './botProcess';

export interface KillRounds {
  /** The process running now (after the last restart). */
  current: BotProcess;
  kills: number;
  /** Milliseconds from ready to the kill, per round. */
  killedAfterMs: number[];
  /** Every pino line of every generation, in order. */
  logs(): LogLine[];
  /** Processes that exited by themselves (a crash), with their last lines. */
  crashes: string[];
}

/** FAULTS_SEED replays a run's kill moments (each run prints its seed). */
export const faultSeed = (): number => Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);

/**
 * Starts the bot, then `rounds` times: lets it run a random time in [minMs, maxMs), kill -9,
 * start it again on the same environment. `between` runs after each kill, before the restart.
 */
export async function killAndRestart(env: Record<string, string>, options: { rounds: number; minMs: number; maxMs: number; random: () => number; between?: (round: number) => Promise<void> }): Promise<KillRounds> {
  const generations: BotProcess[] = [await BotProcess.start(env)];
  const result: KillRounds = {
    current: generations[0]!, kills: 0, killedAfterMs: [], crashes: [],
    logs: () => generations.flatMap((g) => g.logs()),
  };
  for (let round = 1; round <= options.rounds; round++) {
    const lifetime = options.minMs + options.random() * (options.maxMs - options.minMs);
    await new Promise((resolve) => setTimeout(resolve, lifetime));
    if (result.current.exit) result.crashes.push(`generation ${round} exited by itself (${result.current.exit.code ?? result.current.exit.signal}):\n${result.current.tail(10)}`);
    await result.current.kill9();
    result.kills++;
    result.killedAfterMs.push(Math.round(lifetime));
    await options.between?.(round);
    result.current = await BotProcess.start(env);
    generations.push(result.current);
  }
  return result;
}
