// "Only the latest request counts": when loads overlap (a filter typed quickly, a live event during
// a load), an older answer must not overwrite a newer one. One counter per kind of load.

/** A guard for overlapping requests of one kind. */
export type LatestRequest = {
  /** Marks the start of a request; the returned check is true while no later request has started and nothing invalidated it. */
  start(): () => boolean;
  /** Makes every request started so far stale (e.g. after a local change that their answers would undo). */
  invalidate(): void;
};

/** Only the latest of overlapping requests counts: `const isCurrent = loads.start(); const r = await get(); if (!isCurrent()) return;` */
export function latestRequest(): LatestRequest {
  let generation = 0;
  return {
    start() {
      const mine = ++generation;
      return () => mine === generation;
    },
    invalidate() {
      generation += 1;
    },
  };
}
