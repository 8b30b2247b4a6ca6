// The calls of the confirmation page an approval e-mail's links open, through the typed client.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';

export type ApprovalLink = ApiSchemas['ApprovalLinkResponse'];
export type ApprovalLinkDecision = ApiSchemas['ApprovalLinkDecisionResponse'];

/** What the link would decide (its approver only); changes nothing. */
export function getApprovalLink(token: string): Promise<ApiResult<ApprovalLink>> {
  return apiResult(useApi().GET('/api/v1/approvals/links/{token}', { params: { path: { token } } }));
}

/** Confirms the link: approve, or request changes with notes. Once. */
export function decideByApprovalLink(token: string, notes: string | null): Promise<ApiResult<ApprovalLinkDecision>> {
  return apiResult(useApi().POST('/api/v1/approvals/links/{token}/decision', { params: { path: { token } }, body: notes === null ? {} : { notes } }));
}
