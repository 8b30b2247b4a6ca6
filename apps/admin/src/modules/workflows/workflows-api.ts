// The workflow pages' calls to the API, through the typed client only. Each answers an ApiResult,
// so pages can tell a 403 from a 404 from a 409 or a validation error without try/catch.
import type { ApiSchemas } from '@qa/shared-api-client';
import { useApi } from '../../api/client';
import { apiResult, type ApiResult } from '../../api/api-result';
import type { ActionDescription, Run, Workflow, WorkflowRequest } from './workflow-form';

/** Every workflow, and the set key of the quote approval workflows among them. */
export function listWorkflows(): Promise<ApiResult<{ items: Workflow[]; quoteApprovalSetKey: string }>> {
  return apiResult(useApi().GET('/api/v1/workflows'));
}

/** The actions a workflow can take, with their parameters (the editor's catalogue). */
export function listActionCatalogue(): Promise<ApiResult<{ items: ActionDescription[] }>> {
  return apiResult(useApi().GET('/api/v1/workflows/actions'));
}

export function getWorkflow(id: string): Promise<ApiResult<Workflow>> {
  return apiResult(useApi().GET('/api/v1/workflows/{id}', { params: { path: { id } } }));
}

export function createWorkflow(body: WorkflowRequest): Promise<ApiResult<Workflow>> {
  return apiResult(useApi().POST('/api/v1/workflows', { body }));
}

export function updateWorkflow(id: string, version: number, body: WorkflowRequest): Promise<ApiResult<Workflow>> {
  return apiResult(useApi().PUT('/api/v1/workflows/{id}', { params: { path: { id } }, body: { ...body, version } }));
}

/** A new signing secret for a workflow's webhook: the answer shows it once (issuedSecrets). */
export function rotateWebhookSecret(id: string, secretId: string, version: number): Promise<ApiResult<Workflow>> {
  return apiResult(useApi().POST('/api/v1/workflows/{id}/webhook-secrets/{secretId}/rotate', { params: { path: { id, secretId } }, body: { version } }));
}

export function listRuns(id: string): Promise<ApiResult<{ items: Run[] }>> {
  return apiResult(useApi().GET('/api/v1/workflows/{id}/runs', { params: { path: { id } } }));
}

export function retryRun(runId: string): Promise<ApiResult<Run>> {
  return apiResult(useApi().POST('/api/v1/workflow-runs/{runId}/retry', { params: { path: { runId } } }));
}

export type WorkflowVersionSummary = ApiSchemas['WorkflowVersionSummaryResponse'];
export type WorkflowComparison = ApiSchemas['WorkflowComparisonResponse'];

/** A workflow's versions, newest first (admins). */
export function listWorkflowVersions(id: string, before?: number): Promise<ApiResult<{ items: WorkflowVersionSummary[]; nextBefore: number | null }>> {
  return apiResult(useApi().GET('/api/v1/workflows/{id}/versions', { params: { path: { id }, query: before ? { before, limit: 25 } : { limit: 25 } } }));
}

export function compareWorkflowVersions(id: string, from: number, to: number): Promise<ApiResult<WorkflowComparison>> {
  return apiResult(useApi().GET('/api/v1/workflows/{id}/versions/compare', { params: { path: { id }, query: { from, to } } }));
}

/** An earlier version saved as a new one: answers the workflow as restored. */
export function restoreWorkflowVersion(id: string, version: number, expectedVersion: number, changeNote?: string): Promise<ApiResult<Workflow>> {
  return apiResult(
    useApi().POST('/api/v1/workflows/{id}/versions/{version}/restore', { params: { path: { id, version } }, body: changeNote ? { expectedVersion, changeNote } : { expectedVersion } }),
  );
}
