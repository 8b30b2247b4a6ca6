// The workflow pages' calls to the API, through the typed client only. Each answers an ApiResult,
// so pages can tell a 403 from a 404 from a 409 or a validation error without try/catch.
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
