/**
 * Watches the event loop with a 10 ms heartbeat: the longest gap between beats is the longest
 * time the process could not answer anything (a webhook, a Slack ack, a send). `stop` lets one
 * more macrotask run first, so a stall that lasts until the work ends is counted too.
 */
export function watchStalls(intervalMs = 10): { stop(): Promise<number> } {
  let last = performance.now();
  let longest = 0;
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - intervalMs);
    last = now;
  };
  const timer = setInterval(beat, intervalMs);
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      beat();
      clearInterval(timer);
      return Math.max(0, longest);
    },
  };
}
