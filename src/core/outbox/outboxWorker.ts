import { drainOutbox, type OutboxDeps } from './drainOutbox';

export interface OutboxWorker {
  /** Asks for a drain soon; calls while a drain runs coalesce into one more pass. */
  wake(): void;
  stop(): Promise<void>;
}

/** Drains after every turn (wake) and on a timer for retries and rows left by a previous process. */
export function createOutboxWorker(deps: OutboxDeps, pollMs = 1000): OutboxWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) { again = true; return; }
    running = drainOutbox(deps)
      .then((result) => {
        // A paced chat becomes sendable before the next poll: come back exactly then.
        if (result.paced > 0 && result.nextInMs !== undefined) setTimeout(run, result.nextInMs).unref();
      })
      .catch((error: unknown) => deps.logger.error({ code: (error as { code?: string }).code ?? 'DRAIN_FAILED' }, 'outbox drain failed'))
      .finally(() => {
        running = null;
        if (again) { again = false; run(); }
      });
  };
  const timer = setInterval(run, pollMs);
  timer.unref();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
