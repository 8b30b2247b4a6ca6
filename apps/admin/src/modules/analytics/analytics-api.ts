// The approval analytics' call to the API, through the typed client only (an ApiResult: 403 for reps, 422 for a bad filter).
import type { ApiSchemas } from '@qa/shared-api-client';
import { apiResult, type ApiResult } from '../../api/api-result';
import { useApi } from '../../api/client';

export type ApprovalAnalytics = ApiSchemas['ApprovalAnalyticsResponse'];
export type DurationStats = ApiSchemas['DurationStatsResponse'];
export type LeakageRow = ApiSchemas['LeakageRowResponse'];
export interface AnalyticsQuery {
  from?: string;
  to?: string;
  team?: string;
  rule?: string;
  bucket?: 'week' | 'month';
}

export function getApprovalAnalytics(query: AnalyticsQuery): Promise<ApiResult<ApprovalAnalytics>> {
  const clean = Object.fromEntries(Object.entries(query).filter(([, value]) => value)) as AnalyticsQuery;
  return apiResult(useApi().GET('/api/v1/analytics/approvals', { params: { query: clean } }));
}
