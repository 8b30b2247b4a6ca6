// The approval policy's dry run through the typed client: start one with the policy as edited,
// read it (state, progress, report), cancel it. Each answers an ApiResult.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type DryRunRequest = ApiSchemas['PolicyDryRunRequest'];
export type DryRun = ApiSchemas['PolicyDryRunResponse'];
export type DryRunResult = ApiSchemas['DryRunResultResponse'];
export type DryRunDifference = ApiSchemas['DryRunDifferenceResponse'];

export function startDryRun(body: DryRunRequest): Promise<ApiResult<{ id: string }>> {
  return apiResult(useApi().POST('/api/v1/approvals/dry-runs', { body }));
}

export function getDryRun(id: string): Promise<ApiResult<DryRun>> {
  return apiResult(useApi().GET('/api/v1/approvals/dry-runs/{id}', { params: { path: { id } } }));
}

export function cancelDryRun(id: string): Promise<ApiResult<DryRun>> {
  return apiResult(useApi().POST('/api/v1/approvals/dry-runs/{id}/cancel', { params: { path: { id } } }));
}
