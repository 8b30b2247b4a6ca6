import { Query } from '@nestjs/cqrs';
import type { ApprovalAnalytics } from '@qa/analytics-contracts';

/** The approval analytics for a period, team and rule (the raw query parameters: checked by the handler). */
export class GetApprovalAnalyticsQuery extends Query<ApprovalAnalytics> {
  constructor(readonly params: { from?: string; to?: string; team?: string; rule?: string; bucket?: string }) {
    super();
  }
}
