import { AnalyticsErrors } from './analytics.errors';
import { BUCKETS, dayOf, type Bucket } from './stats';

/** What the analytics page asks for: a period of whole UTC days, optionally one rep team and one rule. */
export interface AnalyticsFilter {
  /** First day, `YYYY-MM-DD` (inclusive). */
  from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  to: string;
  /** The reps' team (the quote owner's team); null: every team. */
  team: string | null;
  /** A rule id that put a group on the route; null: every rule. */
  ruleId: string | null;
  bucket: Bucket;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The longest period one request may cover (days). */
export const MAX_PERIOD_DAYS = 731;
/** Without a period: the last 90 days up to today. */
export const DEFAULT_PERIOD_DAYS = 90;

function checkDay(field: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(parsed.getTime()) || dayOf(parsed) !== value) throw AnalyticsErrors.invalidFilter(field, 'must be a date YYYY-MM-DD');
  return value;
}

/** Checks the query's raw parameters (422 naming the field) and fills in the defaults. */
export function parseAnalyticsFilter(raw: { from?: string; to?: string; team?: string; rule?: string; bucket?: string }, now: Date): AnalyticsFilter {
  const to = raw.to ? checkDay('to', raw.to) : dayOf(now);
  const from = raw.from ? checkDay('from', raw.from) : dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_PERIOD_DAYS - 1) * 86_400_000));
  if (from > to) throw AnalyticsErrors.invalidFilter('from', 'must not be after to');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_PERIOD_DAYS) throw AnalyticsErrors.invalidFilter('from', `must be at most ${MAX_PERIOD_DAYS} days before to`);
  const bucket = (raw.bucket ?? 'week') as Bucket;
  if (!BUCKETS.includes(bucket)) throw AnalyticsErrors.invalidFilter('bucket', 'must be week or month');
  const team = raw.team?.trim() || null;
  if (team && team.length > 100) throw AnalyticsErrors.invalidFilter('team', 'must be at most 100 characters');
  const ruleId = raw.rule?.trim() || null;
  if (ruleId && ruleId.length > 100) throw AnalyticsErrors.invalidFilter('rule', 'must be at most 100 characters');
  return { from, to, team, ruleId, bucket };
}
