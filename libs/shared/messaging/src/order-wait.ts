/**
 * How long a job that must wait for earlier work (an aggregate's earlier event, a record's
 * earlier workflow run) goes back to the queue: `firstMs` the first time, doubling with each
 * time it had to go back before, at most `maxMs`. A short wait stays short; when thousands of
 * jobs wait behind a backlog they look again less and less often instead of every few
 * milliseconds each, which took the worker's time from the work they wait for.
 *
 * BullMQ counts each time a job is taken (`attemptsStarted`, incremented before the processor
 * runs) and each failed attempt (`attemptsMade`); a job put back with `moveToDelayed` is neither
 * failed nor done, so the difference, less the current take, is how often it went back.
 */
export function orderWaitDelay(job: { attemptsStarted?: number; attemptsMade: number }, firstMs: number, maxMs = 5_000): number {
  const wentBack = Math.max(0, (job.attemptsStarted ?? 1) - 1 - job.attemptsMade);
  return Math.min(maxMs, firstMs * 2 ** Math.min(wentBack, 20));
}
