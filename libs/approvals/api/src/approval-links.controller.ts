import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { DecideByApprovalLinkCommand, GetApprovalLinkQuery } from '@qa/approvals-application';
import { Authenticated, CqrsController, CurrentCaller, ErrorResponse } from '@qa/shared-http';
import type { Caller } from '@qa/shared-kernel';
import { APPROVAL_LINK_LIMITS, ApprovalLinkThrottlerGuard } from './approval-link-throttling';
import { ApprovalLinkDecisionRequest, ApprovalLinkDecisionResponse, ApprovalLinkResponse } from './approval-links.dtos';

/**
 * The Approve and Request changes links of approval e-mails. Opening one decides nothing (mail
 * scanners follow links): the SPA's confirmation page reads it (GET), and the approver confirms
 * (POST). Only the approver the link was sent to, signed in, may use it, once.
 */
@ApiTags('approvals')
@Controller({ path: 'approvals/links', version: '1' })
@Authenticated()
@UseGuards(ApprovalLinkThrottlerGuard)
@ApiNotFoundResponse({ type: ErrorResponse, description: 'Not a link this app signed (APPROVALS.LINK_INVALID).' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'The link was sent to another approver (APPROVALS.LINK_NOT_YOURS): nothing is decided or shown.' })
@ApiGoneResponse({ type: ErrorResponse, description: 'Expired (APPROVALS.LINK_EXPIRED, 72 hours after the e-mail) or void: the step was decided or the round is over (APPROVALS.LINK_VOID).' })
@ApiConflictResponse({ type: ErrorResponse, description: 'Already used (APPROVALS.LINK_USED): nothing changes.' })
@ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many requests from this user (APPROVALS.LINK_RATE_LIMITED); Retry-After says when to try again.' })
export class ApprovalLinksController extends CqrsController {
  @Get(':token')
  @Throttle({ default: APPROVAL_LINK_LIMITS.look })
  @ApiOperation({ operationId: 'getApprovalLink', summary: 'What an approval e-mail’s link would decide, for its approver: the quote, why it needs approval, the action. Changes nothing.' })
  @ApiOkResponse({ type: ApprovalLinkResponse })
  async look(@CurrentCaller() caller: Caller, @Param('token') token: string): Promise<ApprovalLinkResponse> {
    const view = await this.queries.execute(new GetApprovalLinkQuery(caller, token));
    return { ...view, expiresAt: view.expiresAt.toISOString() };
  }

  @Post(':token/decision')
  @HttpCode(200)
  @Throttle({ default: APPROVAL_LINK_LIMITS.decide })
  @ApiOperation({ operationId: 'decideByApprovalLink', summary: 'Confirm an approval e-mail’s link: approve, or request changes (notes required); once, by its approver only' })
  @ApiOkResponse({ type: ApprovalLinkDecisionResponse })
  async decide(@CurrentCaller() caller: Caller, @Param('token') token: string, @Body() body: ApprovalLinkDecisionRequest): Promise<ApprovalLinkDecisionResponse> {
    const { action, request } = await this.commands.execute(new DecideByApprovalLinkCommand(caller, token, body.notes ?? null));
    return { action, quoteId: request.quoteId, status: request.status, currentStep: request.status === 'pending' ? request.currentStep + 1 : null };
  }
}
