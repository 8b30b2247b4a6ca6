import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CancelDelegationCommand, CreateDelegationCommand, ListApproverChoicesQuery, ListDelegationsQuery, ReassignApproverCommand, RemindApproversCommand } from '@qa/approvals-application';
import type { Delegation } from '@qa/approvals-domain';
import { Authenticated, CqrsController, CurrentCaller, ErrorResponse, Roles } from '@qa/shared-http';
import { Clock, type Caller } from '@qa/shared-kernel';
import { ApproverChoiceResponse, DelegationListResponse, DelegationRequest, DelegationResponse, ListDelegationsRequest, ReassignRequest, RemindRequest } from './approval-delegations.dtos';
import { ApprovalRoundResponse } from './approvals.dtos';
import { roundView } from './approvals.controller';

/**
 * Approvals over time and people: out-of-office delegations (an approver's own, or anyone's by an
 * admin), reassigning a place in the current step, and the rep's reminder to its approvers.
 */
@ApiTags('approvals')
@Controller({ path: 'approvals', version: '1' })
export class ApprovalDelegationsController extends CqrsController {
  constructor(
    commands: CommandBus,
    queries: QueryBus,
    private readonly clock: Clock,
  ) {
    super(commands, queries);
  }

  private view(d: Delegation): DelegationResponse {
    return {
      id: d.id,
      approverId: d.approverId,
      delegateId: d.delegateId,
      startsAt: new Date(d.startsAt).toISOString(),
      endsAt: new Date(d.endsAt).toISOString(),
      note: d.note,
      createdBy: d.createdBy,
      createdAt: new Date(d.createdAt).toISOString(),
      cancelledAt: d.cancelledAt ? new Date(d.cancelledAt).toISOString() : null,
      state: d.stateAt(this.clock.now()),
    };
  }

  @Get('delegations')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'listDelegations', summary: "Out-of-office delegations, running and planned: your own; admins: anyone's (approverId) or everyone's" })
  @ApiOkResponse({ type: DelegationListResponse })
  async listDelegations(@CurrentCaller() caller: Caller, @Query() query: ListDelegationsRequest): Promise<DelegationListResponse> {
    const delegations = await this.queries.execute(new ListDelegationsQuery(caller, query.approverId ?? null, query.includePast === 'true'));
    return { items: delegations.map((d) => this.view(d)) };
  }

  @Post('delegations')
  @Roles('manager', 'admin')
  @ApiOperation({
    operationId: 'createDelegation',
    summary: "Out of office: while it holds, your new and open approval steps go to the delegate, who decides on your behalf (admins: for anyone). 422 names the field; APPROVALS.DELEGATION_OVERLAPS, APPROVALS.DELEGATION_LOOP",
  })
  @ApiOkResponse({ type: DelegationResponse })
  async createDelegation(@CurrentCaller() caller: Caller, @Body() body: DelegationRequest): Promise<DelegationResponse> {
    const delegation = await this.commands.execute(
      new CreateDelegationCommand(caller, {
        approverId: body.approverId ?? caller.userId,
        delegateId: body.delegateId,
        startsAt: body.startsAt ? new Date(body.startsAt) : null,
        endsAt: new Date(body.endsAt),
        note: body.note ?? null,
      }),
    );
    return this.view(delegation);
  }

  @Delete('delegations/:id')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'cancelDelegation', summary: 'End a delegation now (the approver or an admin)' })
  @ApiOkResponse({ type: DelegationResponse })
  async cancelDelegation(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<DelegationResponse> {
    return this.view(await this.commands.execute(new CancelDelegationCommand(caller, id)));
  }

  @Get('approvers')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'listApproverChoices', summary: 'Who may approve now (active managers and admins), by name: to pick a delegate, or whom to reassign a step to' })
  @ApiOkResponse({ type: [ApproverChoiceResponse] })
  async approvers(): Promise<ApproverChoiceResponse[]> {
    return this.queries.execute(new ListApproverChoicesQuery());
  }

  @Post('quotes/:quoteId/reassign')
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ operationId: 'reassignApprover', summary: "Hand a place in the current step to another eligible approver, with a note (your own place; admins: anyone's)" })
  @ApiOkResponse({ type: ApprovalRoundResponse })
  async reassign(@CurrentCaller() caller: Caller, @Param('quoteId', new ParseUUIDPipe()) quoteId: string, @Body() body: ReassignRequest): Promise<ApprovalRoundResponse> {
    return roundView(await this.commands.execute(new ReassignApproverCommand(caller, quoteId, body.round, body.from, body.to, body.note)));
  }

  @Post('quotes/:quoteId/remind')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ operationId: 'remindApprovers', summary: "Remind the current step's approvers who have not decided (the quote's owner or submitter; once per step per the settings' cooldown)" })
  @ApiOkResponse({ type: ApprovalRoundResponse })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'APPROVALS.REMINDER_TOO_SOON: details.retryAt says when one may be sent again.' })
  async remind(@CurrentCaller() caller: Caller, @Param('quoteId', new ParseUUIDPipe()) quoteId: string, @Body() body: RemindRequest): Promise<ApprovalRoundResponse> {
    return roundView(await this.commands.execute(new RemindApproversCommand(caller, quoteId, body.round)));
  }
}
