import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller, Roles, SecretResponse } from '@qa/shared-http';
import { DomainError, type Caller } from '@qa/shared-kernel';
import { WEBHOOK_ACTION_KEY, withoutWriteOnlyParams, WorkflowsService, WRITE_ONLY_PARAMS, type IssuedSecret, type RunWithSteps } from '@qa/workflows-application';
import { WorkflowErrors, type WorkflowActionSpec, type WorkflowDefinition, type WorkflowSpec } from '@qa/workflows-domain';
import {
  ActionCatalogueResponse,
  ActionResponse,
  RecordPropertiesResponse,
  RotateWebhookSecretRequest,
  RunListResponse,
  RunResponse,
  UpdateWorkflowRequest,
  WorkflowListResponse,
  WorkflowRequest,
  WorkflowResponse,
} from './workflows.dtos';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
/** An action as responses show it: never a secret, only whether one is set (and its last 4 characters). */
const actionView = (action: WorkflowActionSpec): ActionResponse => {
  const view: ActionResponse = { key: action.key, params: withoutWriteOnlyParams(action.params) };
  if (action.key === WEBHOOK_ACTION_KEY) {
    const secret = action.params?.['secret'];
    view.secretSet = typeof secret === 'string' && secret.length > 0;
    view.secretLast4 = view.secretSet ? (secret as string).slice(-4) : null;
  }
  return view;
};
const workflowView = (w: WorkflowDefinition, runs: number, issuedSecrets?: IssuedSecret[]): WorkflowResponse => ({
  id: w.id,
  name: w.name,
  enabled: w.enabled,
  objectType: w.objectType,
  trigger: w.trigger,
  conditions: w.conditions,
  reenrollment: w.reenrollment,
  actions: w.actions.map(actionView),
  setKey: w.setKey,
  version: w.version ?? 1,
  runs,
  updatedAt: new Date(w.updatedAt).toISOString(),
  ...(issuedSecrets?.length ? { issuedSecrets: issuedSecrets.map(({ actionIndex, secretId, secret }) => ({ actionIndex, secretId, secret })) } : {}),
});
const runView = ({ run, steps }: RunWithSteps): RunResponse => ({
  id: run.id,
  workflowId: run.workflowId,
  workflowName: run.workflowName,
  recordType: run.recordType,
  recordId: run.recordId,
  status: run.status,
  createdAt: new Date(run.createdAt).toISOString(),
  finishedAt: iso(run.finishedAt),
  steps: steps.map((s) => ({
    index: s.index,
    actionKey: s.actionKey,
    status: s.status,
    attempts: s.attempts,
    startedAt: iso(s.startedAt),
    finishedAt: iso(s.finishedAt),
    resumeAt: iso(s.resumeAt),
    error: s.error,
    output: s.output,
  })),
});
/** Signing secrets are made by the server (256 random bits); a client never sets one. */
function refuseClientSecrets(body: WorkflowRequest): void {
  body.actions.forEach((action, index) => {
    for (const name of WRITE_ONLY_PARAMS) {
      if (action.params && Object.hasOwn(action.params, name)) {
        throw WorkflowErrors.invalid(`actions.${index}.params.${name}`, 'is made by the server and cannot be set; rotate it to get a new one');
      }
    }
  });
}
const spec = (body: WorkflowRequest): WorkflowSpec => ({
  name: body.name,
  enabled: body.enabled,
  objectType: body.objectType,
  trigger: body.trigger as WorkflowSpec['trigger'],
  conditions: body.conditions,
  reenrollment: body.reenrollment,
  actions: body.actions,
  setKey: body.setKey ?? null,
});

@ApiTags('workflows')
@Controller({ version: '1' })
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get('workflows')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'listWorkflows', summary: 'Workflows with their trigger, state and number of runs' })
  @ApiOkResponse({ type: WorkflowListResponse })
  async listWorkflows(): Promise<WorkflowListResponse> {
    return { items: (await this.workflows.list()).map(({ workflow, runs }) => workflowView(workflow, runs)) };
  }

  @Get('workflows/actions')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'listWorkflowActions', summary: 'The actions workflows can use, with their parameters' })
  @ApiOkResponse({ type: ActionCatalogueResponse })
  listActions(): ActionCatalogueResponse {
    return { items: this.workflows.describeActions() };
  }

  @Post('workflows')
  @Roles('admin')
  // May answer with new webhook signing secrets: no answer is kept for an Idempotency-Key replay.
  @SecretResponse()
  @ApiOperation({ operationId: 'createWorkflow', summary: 'Create a workflow (admins)' })
  @ApiCreatedResponse({ type: WorkflowResponse })
  async createWorkflow(@Body() body: WorkflowRequest): Promise<WorkflowResponse> {
    refuseClientSecrets(body);
    const { workflow, issuedSecrets } = await this.workflows.createWithSecrets(spec(body));
    return workflowView(workflow, 0, issuedSecrets);
  }

  @Get('workflows/:id')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'getWorkflow', summary: 'A workflow' })
  @ApiOkResponse({ type: WorkflowResponse })
  async getWorkflow(@Param('id', new ParseUUIDPipe()) id: string): Promise<WorkflowResponse> {
    const { workflow, runs } = await this.workflows.getWithRuns(id);
    return workflowView(workflow, runs);
  }

  @Put('workflows/:id')
  @Roles('admin')
  // May answer with new webhook signing secrets: no answer is kept for an Idempotency-Key replay.
  @SecretResponse()
  @ApiOperation({ operationId: 'updateWorkflow', summary: 'Edit a workflow: trigger, conditions, actions (add, remove, reorder), enable/disable (admins)' })
  @ApiOkResponse({ type: WorkflowResponse })
  async updateWorkflow(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateWorkflowRequest): Promise<WorkflowResponse> {
    refuseClientSecrets(body);
    const { issuedSecrets } = await this.workflows.updateWithSecrets(id, body.version, spec(body));
    const { workflow, runs } = await this.workflows.getWithRuns(id);
    return workflowView(workflow, runs, issuedSecrets);
  }

  @Post('workflows/:id/webhook-secrets/:secretId/rotate')
  @Roles('admin')
  // May answer with new webhook signing secrets: no answer is kept for an Idempotency-Key replay.
  @SecretResponse()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateWebhookSecret',
    summary: "Replace a webhook's signing secret with a new one, shown once in `issuedSecrets` (admins)",
    description: 'The old secret stops signing at once. 404 WORKFLOWS.SECRET_NOT_FOUND when no webhook action of the workflow has this `secretId`.',
  })
  @ApiOkResponse({ type: WorkflowResponse })
  async rotateWebhookSecret(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('secretId') secretId: string,
    @Body() body: RotateWebhookSecretRequest,
  ): Promise<WorkflowResponse> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(secretId)) throw WorkflowErrors.secretNotFound(id, secretId.slice(0, 64));
    const { issuedSecrets } = await this.workflows.rotateWebhookSecret(id, secretId, body?.version);
    const { workflow, runs } = await this.workflows.getWithRuns(id);
    return workflowView(workflow, runs, issuedSecrets);
  }

  @Get('workflows/:id/runs')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'listWorkflowRuns', summary: 'The latest runs of a workflow with each step' })
  @ApiOkResponse({ type: RunListResponse })
  async listRuns(@Param('id', new ParseUUIDPipe()) id: string): Promise<RunListResponse> {
    return { items: (await this.workflows.runsOf(id)).map(runView) };
  }

  @Get('workflow-runs/:runId')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'getWorkflowRun', summary: 'One run with its steps' })
  @ApiOkResponse({ type: RunResponse })
  async getRun(@Param('runId', new ParseUUIDPipe()) runId: string): Promise<RunResponse> {
    return runView(await this.workflows.run(runId));
  }

  @Post('workflow-runs/:runId/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'retryWorkflowRun', summary: 'Retry a failed run from its failed step (admins)' })
  @ApiOkResponse({ type: RunResponse })
  async retryRun(@Param('runId', new ParseUUIDPipe()) runId: string): Promise<RunResponse> {
    await this.workflows.retry(runId);
    return runView(await this.workflows.run(runId));
  }

  @Get('records/:recordType/:recordId/properties')
  @Authenticated()
  @ApiOperation({ operationId: 'getRecordProperties', summary: "A record's properties set by workflows (e.g. approval status), with their history" })
  @ApiOkResponse({ type: RecordPropertiesResponse })
  async recordProperties(
    @CurrentCaller() caller: Caller,
    @Param('recordType') recordType: string,
    @Param('recordId', new ParseUUIDPipe()) recordId: string,
  ): Promise<RecordPropertiesResponse> {
    if (recordType !== 'quote') throw new DomainError('WORKFLOWS.RECORD_NOT_FOUND', `No ${recordType} records`, 'not-found');
    const { properties, history } = await this.workflows.recordProperties(caller, recordType, recordId);
    return {
      properties: properties.map((p) => ({ name: p.name, value: p.value, updatedAt: new Date(p.updatedAt).toISOString(), updatedBy: p.updatedBy })),
      history: history.map((h) => ({ name: h.name, value: h.value, previousValue: h.previousValue, changedAt: new Date(h.changedAt).toISOString(), changedBy: h.changedBy })),
    };
  }
}
