// The approval policy's history through the typed client: its versions, one version, two compared,
// and a restore. Each answers an ApiResult (403, 404, 409 and validation errors told apart).
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type PolicyVersionSummary = ApiSchemas['PolicyVersionSummaryResponse'];
export type PolicyVersionList = ApiSchemas['PolicyVersionListResponse'];
export type PolicyVersion = ApiSchemas['PolicyVersionResponse'];
export type PolicyComparison = ApiSchemas['PolicyComparisonResponse'];
export type PolicyDifference = ApiSchemas['PolicyDifferenceResponse'];

export function listPolicyVersions(before?: number): Promise<ApiResult<PolicyVersionList>> {
  return apiResult(useApi().GET('/api/v1/approvals/policy/versions', { params: { query: before ? { before, limit: 25 } : { limit: 25 } } }));
}

export function comparePolicyVersions(from: number, to: number): Promise<ApiResult<PolicyComparison>> {
  return apiResult(useApi().GET('/api/v1/approvals/policy/versions/compare', { params: { query: { from, to } } }));
}

export function restorePolicyVersion(version: number, expectedVersion: number, changeNote?: string): Promise<ApiResult<PolicyVersion>> {
  return apiResult(
    useApi().POST('/api/v1/approvals/policy/versions/{version}/restore', { params: { path: { version } }, body: changeNote ? { expectedVersion, changeNote } : { expectedVersion } }),
  );
}
