import type { ApprovalAnalytics } from '@qa/analytics-contracts';
import type { AnalyticsFilter, SourceRound } from '@qa/analytics-domain';

/** The approval rounds the facts are projected from (the approvals context's rounds, read as they are stored). */
export abstract class ApprovalRoundSource {
  /** Every round of these quotes. */
  abstract roundsOf(quoteIds: readonly string[]): Promise<SourceRound[]>;
  /** Quote ids with rounds, in id order after `after` (null: from the first), at most `limit`. */
  abstract quoteIdsAfter(after: string | null, limit: number): Promise<string[]>;
}

/** The charts' figures from the facts, with SQL GROUP BYs; labels of people are their ids here. */
export abstract class ApprovalAnalyticsReader {
  abstract read(filter: AnalyticsFilter, now: Date): Promise<ApprovalAnalytics>;
}
