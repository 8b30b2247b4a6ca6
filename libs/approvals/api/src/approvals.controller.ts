import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DecideApprovalCommand, GetApprovalPageQuery, GetApprovalSettingsQuery, PreviewQuoteApprovalQuery, SaveApprovalSettingsCommand, TryApprovalPolicyQuery } from '@qa/approvals-application';
import { CONDITION_FIELDS, CONDITION_FIELD_NAMES, OPERATORS_BY_TYPE, type ApprovalRequest, type ApprovalSettings, type PolicyRule } from '@qa/approvals-domain';
import { Authenticated, CqrsController, CurrentCaller, Roles } from '@qa/shared-http';
import { uuidv7, type Caller } from '@qa/shared-kernel';
import {
  ApprovalPageResponse,
  ApprovalPreviewResponse,
  ApprovalRoundResponse,
  ApprovalSettingsRequest,
  ApprovalSettingsResponse,
  ConditionFieldResponse,
  DecisionRequest,
  RequestChangesRequest,
  TryApprovalPolicyRequest,
  type PolicyRuleRequest,
} from './approvals.dtos';

const settingsView = (s: ApprovalSettings): ApprovalSettingsResponse => ({
  requireApproval: s.requireApproval,
  defaultApproverId: s.defaultApproverId,
  // Rules saved before watch lists were kept watch nothing.
  rules: s.rules.map((r) => ({ ...r, watchedFields: r.watchedFields ?? [] })) as PolicyRuleRequest[],
  baseCurrency: s.baseCurrency,
  exchangeRates: s.exchangeRates ?? {},
  businessHours: s.businessHours,
  reminderCooldownHours: s.reminderCooldown(),
  version: s.version ?? 0,
  updatedAt: new Date(s.updatedAt).toISOString(),
});
/** A round as the API shows it (also answered by reassign and remind). */
export const roundView = (r: ApprovalRequest): ApprovalRoundResponse => ({
  round: r.round,
  status: r.status,
  approverIds: r.approverIds,
  currentApproverIds: r.approversNow(),
  submittedBy: r.submittedBy ?? null,
  route: r.timeline(),
  decisions: r.decisions,
  activity: r.activity ?? [],
  limits: r.status === 'approved' ? r.approvedLimits() : null,
  openedAt: new Date(r.openedAt).toISOString(),
  decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
});

@ApiTags('approvals')
@Controller({ path: 'approvals', version: '1' })
export class ApprovalsController extends CqrsController {
  @Get('settings')
  @Roles('admin')
  @ApiOperation({ operationId: 'getApprovalSettings', summary: 'Settings → Quotes: require approval, the approver, the rules (admins)' })
  @ApiOkResponse({ type: ApprovalSettingsResponse })
  async getSettings(): Promise<ApprovalSettingsResponse> {
    return settingsView(await this.queries.execute(new GetApprovalSettingsQuery()));
  }

  @Put('settings')
  @Roles('admin')
  @ApiOperation({ operationId: 'saveApprovalSettings', summary: 'Set approver and create workflows: saves the settings; the approval workflows follow (admins)' })
  @ApiOkResponse({ type: ApprovalSettingsResponse })
  async saveSettings(@CurrentCaller() caller: Caller, @Body() body: ApprovalSettingsRequest): Promise<ApprovalSettingsResponse> {
    // Shapes were checked by the DTO; values, approvers and limits by the domain (field and reason).
    const rules = body.rules.map((r) => ({ ...r, id: r.id ?? uuidv7() })) as unknown as PolicyRule[];
    return settingsView(
      await this.commands.execute(
        new SaveApprovalSettingsCommand(caller, { requireApproval: body.requireApproval, defaultApproverId: body.defaultApproverId ?? null, rules, baseCurrency: body.baseCurrency, exchangeRates: body.exchangeRates, businessHours: body.businessHours, reminderCooldownHours: body.reminderCooldownHours }, body.version, body.changeNote ?? null),
      ),
    );
  }

  @Post('try')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'tryApprovalPolicy', summary: 'Try a policy as edited (not saved) on an existing quote: the route it would get, submitted by its owner (admins)' })
  @ApiOkResponse({ type: ApprovalPreviewResponse })
  async tryPolicy(@Body() body: TryApprovalPolicyRequest): Promise<ApprovalPreviewResponse> {
    const rules = body.rules.map((r) => ({ ...r, id: r.id ?? uuidv7() })) as unknown as PolicyRule[];
    const policy = { requireApproval: body.requireApproval, defaultApproverId: body.defaultApproverId ?? null, rules, baseCurrency: body.baseCurrency, exchangeRates: body.exchangeRates };
    const { required, complete, route, people } = await this.queries.execute(new TryApprovalPolicyQuery(policy, body.quoteId));
    return { required, complete, route, people };
  }

  @Get('condition-fields')
  @Roles('admin')
  @ApiOperation({ operationId: 'listConditionFields', summary: 'The fields a rule may look at, with their type and the operators it allows (admins)' })
  @ApiOkResponse({ type: [ConditionFieldResponse] })
  conditionFields(): ConditionFieldResponse[] {
    return CONDITION_FIELD_NAMES.map((field) => ({ field, type: CONDITION_FIELDS[field], operators: [...OPERATORS_BY_TYPE[CONDITION_FIELDS[field]]] }));
  }

  @Get('quotes/:quoteId/preview')
  @Authenticated()
  @ApiOperation({ operationId: 'previewQuoteApproval', summary: 'Whether this quote will need approval, from whom and why' })
  @ApiOkResponse({ type: ApprovalPreviewResponse })
  async preview(@CurrentCaller() caller: Caller, @Param('quoteId', new ParseUUIDPipe()) quoteId: string): Promise<ApprovalPreviewResponse> {
    const { required, complete, route, people } = await this.queries.execute(new PreviewQuoteApprovalQuery(caller, quoteId));
    return { required, complete, route, people };
  }

  @Get('quotes/:quoteId')
  @Authenticated()
  @ApiOperation({ operationId: 'getApprovalPage', summary: "The approval page: the current round, what changed since the last one (the round's approvers; admins may look)" })
  @ApiOkResponse({ type: ApprovalPageResponse })
  async page(@CurrentCaller() caller: Caller, @Param('quoteId', new ParseUUIDPipe()) quoteId: string): Promise<ApprovalPageResponse> {
    const { request, rounds, approvers, changes, canDecide, decidesFor, outOfOffice, mayReassign, reminder } = await this.queries.execute(new GetApprovalPageQuery(caller, quoteId));
    return { quoteId, current: roundView(request), rounds: rounds.map(roundView), approvers, changes, canDecide, decidesFor, outOfOffice, mayReassign, reminder };
  }

  @Post('quotes/:quoteId/approve')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ operationId: 'approveQuote', summary: 'Approve and publish, optionally with limits the owner may later change the quote within (an active approver of the current round; never the owner or whoever submitted it)' })
  @ApiOkResponse({ type: ApprovalRoundResponse })
  async approve(@CurrentCaller() caller: Caller, @Param('quoteId', new ParseUUIDPipe()) quoteId: string, @Body() body: DecisionRequest): Promise<ApprovalRoundResponse> {
    return roundView(await this.commands.execute(new DecideApprovalCommand(caller, quoteId, body.round, 'approve', body.notes ?? null, { limits: body.limits ?? null })));
  }

  @Post('quotes/:quoteId/request-changes')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ operationId: 'requestQuoteChanges', summary: 'Request changes with notes; the creator gets a task' })
  @ApiOkResponse({ type: ApprovalRoundResponse })
  async requestChanges(@CurrentCaller() caller: Caller, @Param('quoteId', new ParseUUIDPipe()) quoteId: string, @Body() body: RequestChangesRequest): Promise<ApprovalRoundResponse> {
    return roundView(await this.commands.execute(new DecideApprovalCommand(caller, quoteId, body.round, 'request_changes', body.notes)));
  }
}
