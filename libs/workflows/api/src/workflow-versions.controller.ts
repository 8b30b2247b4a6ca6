import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CqrsController, CurrentCaller, Roles, SecretResponse, validationFailed } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { CompareWorkflowVersionsQuery, GetWorkflowQuery, GetWorkflowVersionQuery, ListWorkflowVersionsQuery, RestoreWorkflowVersionCommand } from '@qa/workflows-application';
import type { WorkflowVersion } from '@qa/workflows-domain';
import { WorkflowResponse, type WorkflowRequest } from './workflows.dtos';
import {
  RestoreWorkflowVersionRequest,
  WorkflowComparisonResponse,
  WorkflowVersionListResponse,
  WorkflowVersionResponse,
  WorkflowVersionsCompareQuery,
  WorkflowVersionsListQuery,
} from './workflow-versions.dtos';
import { workflowView } from './workflows.views';

/** The largest version a column holds (a 4-byte integer). */
const MAX_VERSION = 2_147_483_647;

/** `:version`: a whole number from 1, else 400 naming `version`. */
const versionNumber: PipeTransform<string, number> = {
  transform(value: string) {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_VERSION) throw validationFailed([{ field: 'version', reason: 'must be a whole number from 1' }]);
    return Number(value);
  },
};

const versionView = (v: WorkflowVersion): WorkflowVersionResponse => ({
  version: v.version,
  createdAt: new Date(v.createdAt).toISOString(),
  authorId: v.authorId,
  note: v.note,
  restoredFrom: v.restoredFrom,
  definition: v.snapshot as unknown as WorkflowRequest,
});

/** A workflow's history (admins, who edit workflows): every save a version; two compared; an old one restored as a new save. */
@ApiTags('workflows')
@Controller({ path: 'workflows/:id/versions', version: '1' })
export class WorkflowVersionsController extends CqrsController {
  @Get()
  @Roles('admin')
  @ApiOperation({ operationId: 'listWorkflowVersions', summary: "A workflow's versions, newest first, with author and note (admins)" })
  @ApiOkResponse({ type: WorkflowVersionListResponse })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: WorkflowVersionsListQuery): Promise<WorkflowVersionListResponse> {
    const { items, nextBefore } = await this.queries.execute(new ListWorkflowVersionsQuery(id, query.before ?? null, query.limit ?? 25));
    return {
      items: items.map(({ version: v, authorName }) => ({ version: v.version, createdAt: new Date(v.createdAt).toISOString(), authorId: v.authorId, authorName, note: v.note, restoredFrom: v.restoredFrom })),
      nextBefore,
    };
  }

  @Get('compare')
  @Roles('admin')
  @ApiOperation({ operationId: 'compareWorkflowVersions', summary: 'Two versions of a workflow side by side, with the differences as codes (admins)' })
  @ApiOkResponse({ type: WorkflowComparisonResponse })
  async compare(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: WorkflowVersionsCompareQuery): Promise<WorkflowComparisonResponse> {
    const { from, to, differences } = await this.queries.execute(new CompareWorkflowVersionsQuery(id, query.from, query.to));
    return { from: versionView(from), to: versionView(to), differences };
  }

  @Get(':version')
  @Roles('admin')
  @ApiOperation({ operationId: 'getWorkflowVersion', summary: 'One version of a workflow: the definition as that save left it (admins)' })
  @ApiOkResponse({ type: WorkflowVersionResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Param('version', versionNumber) version: number): Promise<WorkflowVersionResponse> {
    return versionView(await this.queries.execute(new GetWorkflowVersionQuery(id, version)));
  }

  @Post(':version/restore')
  @Roles('admin')
  // A webhook action whose secret is gone gets a new one, shown once: no answer kept for a replay.
  @SecretResponse()
  @HttpCode(200)
  @ApiOperation({ operationId: 'restoreWorkflowVersion', summary: 'Put an earlier version of a workflow back, saved as a new version (admins)' })
  @ApiOkResponse({ type: WorkflowResponse, description: 'The workflow as restored.' })
  async restore(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Param('version', versionNumber) version: number, @Body() body: RestoreWorkflowVersionRequest): Promise<WorkflowResponse> {
    const { issuedSecrets } = await this.commands.execute(new RestoreWorkflowVersionCommand(id, version, body.expectedVersion, caller.userId, body.changeNote ?? null));
    const { workflow, runs } = await this.queries.execute(new GetWorkflowQuery(id));
    return workflowView(workflow, runs, issuedSecrets);
  }
}
