import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CqrsController, CurrentCaller, Roles, SecretResponse } from '@qa/shared-http';
import { DomainError, type Caller } from '@qa/shared-kernel';
import {
  CreateWorkflowCommand,
  GetRecordPropertiesQuery,
  GetWorkflowQuery,
  GetWorkflowRunQuery,
  ListWorkflowActionsQuery,
  ListWorkflowRunsQuery,
  ListWorkflowsQuery,
  QUOTE_APPROVALS_SET_KEY,
  RetryWorkflowRunCommand,
  RotateWebhookSecretCommand,
  UpdateWorkflowCommand,
} from '@qa/workflows-application';
import { WorkflowErrors } from '@qa/workflows-domain';
import {
  ActionCatalogueResponse,
  RecordPropertiesResponse,
  RotateWebhookSecretRequest,
  RunListResponse,
  RunResponse,
  UpdateWorkflowRequest,
  WorkflowListResponse,
  WorkflowRequest,
  WorkflowResponse,
} from './workflows.dtos';
import { refuseClientSecrets, runView, workflowSpec, workflowView } from './workflows.views';

/** Workflows over HTTP: decode the request, run the use case, show the result. */
@ApiTags('workflows')
@Controller({ version: '1' })
export class WorkflowsController extends CqrsController {
  @Get('workflows')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'listWorkflows', summary: 'Workflows with their trigger, state and number of runs' })
  @ApiOkResponse({ type: WorkflowListResponse })
  async listWorkflows(): Promise<WorkflowListResponse> {
    const items = await this.queries.execute(new ListWorkflowsQuery());
    return { items: items.map(({ workflow, runs }) => workflowView(workflow, runs)), quoteApprovalSetKey: QUOTE_APPROVALS_SET_KEY };
  }

  @Get('workflows/actions')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'listWorkflowActions', summary: 'The actions workflows can use, with their parameters' })
  @ApiOkResponse({ type: ActionCatalogueResponse })
  async listActions(): Promise<ActionCatalogueResponse> {
    return { items: await this.queries.execute(new ListWorkflowActionsQuery()) };
  }

  @Post('workflows')
  @Roles('admin')
  // May answer with new webhook signing secrets: no answer is kept for an Idempotency-Key replay.
  @SecretResponse()
  @ApiOperation({ operationId: 'createWorkflow', summary: 'Create a workflow (admins)' })
  @ApiCreatedResponse({ type: WorkflowResponse })
  async createWorkflow(@CurrentCaller() caller: Caller, @Body() body: WorkflowRequest): Promise<WorkflowResponse> {
    refuseClientSecrets(body);
    const { workflow, issuedSecrets } = await this.commands.execute(new CreateWorkflowCommand(workflowSpec(body), caller.userId, body.changeNote ?? null));
    return workflowView(workflow, 0, issuedSecrets);
  }

  @Get('workflows/:id')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'getWorkflow', summary: 'A workflow' })
  @ApiOkResponse({ type: WorkflowResponse })
  async getWorkflow(@Param('id', new ParseUUIDPipe()) id: string): Promise<WorkflowResponse> {
    const { workflow, runs } = await this.queries.execute(new GetWorkflowQuery(id));
    return workflowView(workflow, runs);
  }

  @Put('workflows/:id')
  @Roles('admin')
  // May answer with new webhook signing secrets: no answer is kept for an Idempotency-Key replay.
  @SecretResponse()
  @ApiOperation({ operationId: 'updateWorkflow', summary: 'Edit a workflow: trigger, conditions, actions (add, remove, reorder), enable/disable (admins)' })
  @ApiOkResponse({ type: WorkflowResponse })
  async updateWorkflow(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateWorkflowRequest): Promise<WorkflowResponse> {
    refuseClientSecrets(body);
    const { issuedSecrets } = await this.commands.execute(new UpdateWorkflowCommand(id, body.version, workflowSpec(body), caller.userId, body.changeNote ?? null));
    const { workflow, runs } = await this.queries.execute(new GetWorkflowQuery(id));
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
    const { issuedSecrets } = await this.commands.execute(new RotateWebhookSecretCommand(id, secretId, body?.version));
    const { workflow, runs } = await this.queries.execute(new GetWorkflowQuery(id));
    return workflowView(workflow, runs, issuedSecrets);
  }

  @Get('workflows/:id/runs')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'listWorkflowRuns', summary: 'The latest runs of a workflow with each step' })
  @ApiOkResponse({ type: RunListResponse })
  async listRuns(@Param('id', new ParseUUIDPipe()) id: string): Promise<RunListResponse> {
    return { items: (await this.queries.execute(new ListWorkflowRunsQuery(id))).map(runView) };
  }

  @Get('workflow-runs/:runId')
  @Roles('admin', 'manager')
  @ApiOperation({ operationId: 'getWorkflowRun', summary: 'One run with its steps' })
  @ApiOkResponse({ type: RunResponse })
  async getRun(@Param('runId', new ParseUUIDPipe()) runId: string): Promise<RunResponse> {
    return runView(await this.queries.execute(new GetWorkflowRunQuery(runId)));
  }

  @Post('workflow-runs/:runId/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'retryWorkflowRun', summary: 'Retry a failed run from its failed step (admins)' })
  @ApiOkResponse({ type: RunResponse })
  async retryRun(@Param('runId', new ParseUUIDPipe()) runId: string): Promise<RunResponse> {
    await this.commands.execute(new RetryWorkflowRunCommand(runId));
    return runView(await this.queries.execute(new GetWorkflowRunQuery(runId)));
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
    const { properties, history } = await this.queries.execute(new GetRecordPropertiesQuery(caller, recordType, recordId));
    return {
      properties: properties.map((p) => ({ name: p.name, value: p.value, updatedAt: new Date(p.updatedAt).toISOString(), updatedBy: p.updatedBy })),
      history: history.map((h) => ({ name: h.name, value: h.value, previousValue: h.previousValue, changedAt: new Date(h.changedAt).toISOString(), changedBy: h.changedBy })),
    };
  }
}
