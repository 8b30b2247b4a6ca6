// Pure helpers of the approval analytics: percentiles as PostgreSQL's percentile_cont computes
// them (linear interpolation between the closest ranks), time buckets and age buckets. The SQLite
// path computes with these; the PostgreSQL path asks the database, and both must agree.

/** The p-quantile (0..1) of the values, interpolated as percentile_cont does; null for none. */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** Seconds as hours with two decimals (what the API answers). */
export function hoursOf(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 3600) * 100) / 100;
}

/** A share as a percentage with one decimal (0 when the whole is 0). */
export function percentOfTotal(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export type Bucket = 'week' | 'month';
export const BUCKETS: readonly Bucket[] = ['week', 'month'];

/** The UTC day of a moment, `YYYY-MM-DD`. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The week (its Monday, `YYYY-MM-DD`, UTC) a moment falls in. */
export function weekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return dayOf(day);
}

/** The month (`YYYY-MM`, UTC) a moment falls in. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** How long a round has been open: under a day, 1–3 days, 3–7 days, over 7 days. */
export const AGE_BUCKETS = ['lt1d', '1to3d', '3to7d', 'gt7d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
const DAY_MS = 86_400_000;

export function ageBucketOf(submittedAt: Date, now: Date): AgeBucket {
  const age = now.getTime() - submittedAt.getTime();
  if (age < DAY_MS) return 'lt1d';
  if (age < 3 * DAY_MS) return '1to3d';
  if (age < 7 * DAY_MS) return '3to7d';
  return 'gt7d';
}

/** The moments that separate the age buckets, newest first (a round submitted after the first is under a day old). */
export function ageBoundaries(now: Date): [Date, Date, Date] {
  return [new Date(now.getTime() - DAY_MS), new Date(now.getTime() - 3 * DAY_MS), new Date(now.getTime() - 7 * DAY_MS)];
}
