/**
 * How long a job that must wait for earlier work (an aggregate's earlier event, a record's
 * earlier workflow run) goes back to the queue: `firstMs` at first, then a quarter of how long
 * it has been waiting since it was due, at most `maxMs`. A short wait stays short; when
 * thousands of jobs wait behind a backlog, they look again rarely instead of every few
 * milliseconds, which would take the worker's time from the work they wait for.
 */
export function orderWaitDelay(job: { timestamp: number; opts: { delay?: number } }, firstMs: number, maxMs = 5_000, now = Date.now()): number {
  const waitingFor = now - (job.timestamp + (job.opts.delay ?? 0));
  return Math.round(Math.min(maxMs, Math.max(firstMs, waitingFor / 4)));
}
