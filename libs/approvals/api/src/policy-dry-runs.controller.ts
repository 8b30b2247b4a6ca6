import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CancelPolicyDryRunCommand, GetPolicyDryRunQuery, StartPolicyDryRunCommand } from '@qa/approvals-application';
import { DEFAULT_DRY_RUN_LIMIT, type PolicyDryRun, type PolicyRule } from '@qa/approvals-domain';
import { CqrsController, CurrentCaller, Roles } from '@qa/shared-http';
import { uuidv7, type Caller } from '@qa/shared-kernel';
import { PolicyDryRunRequest, PolicyDryRunResponse, PolicyDryRunStartedResponse } from './policy-dry-run.dtos';

const runView = (run: PolicyDryRun): PolicyDryRunResponse => ({
  id: run.id,
  state: run.state,
  limit: run.limit,
  processed: run.processed,
  total: run.total,
  createdAt: new Date(run.createdAt).toISOString(),
  finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
  result: run.state === 'finished' ? run.result : null,
});

/** Dry runs of a draft approval policy over the last submitted quotes (who may save the policy: admins). */
@ApiTags('approvals')
@Controller({ path: 'approvals/dry-runs', version: '1' })
export class PolicyDryRunsController extends CqrsController {
  @Post()
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ operationId: 'startPolicyDryRun', summary: 'Dry run: the policy as edited (not saved) over the last N submitted quotes, in the worker; poll the run (admins)' })
  @ApiAcceptedResponse({ type: PolicyDryRunStartedResponse })
  async start(@CurrentCaller() caller: Caller, @Body() body: PolicyDryRunRequest): Promise<PolicyDryRunStartedResponse> {
    const rules = body.rules.map((r) => ({ ...r, id: r.id ?? uuidv7() })) as unknown as PolicyRule[];
    const policy = { requireApproval: body.requireApproval, defaultApproverId: body.defaultApproverId ?? null, rules, baseCurrency: body.baseCurrency, exchangeRates: body.exchangeRates, businessHours: body.businessHours };
    const limit = body.limit === 'all' ? null : (body.limit ?? DEFAULT_DRY_RUN_LIMIT);
    const run = await this.commands.execute(new StartPolicyDryRunCommand(caller, policy, limit));
    return { id: run.id };
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ operationId: 'getPolicyDryRun', summary: 'A dry run: state, progress, and its report when finished (whoever asked for it, and admins)' })
  @ApiOkResponse({ type: PolicyDryRunResponse })
  async get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<PolicyDryRunResponse> {
    return runView(await this.queries.execute(new GetPolicyDryRunQuery(caller, id)));
  }

  @Post(':id/cancel')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'cancelPolicyDryRun', summary: 'Stops a queued or running dry run at its next page; a finished one stays (whoever asked for it, and admins)' })
  @ApiOkResponse({ type: PolicyDryRunResponse })
  async cancel(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<PolicyDryRunResponse> {
    return runView(await this.commands.execute(new CancelPolicyDryRunCommand(caller, id)));
  }
}
