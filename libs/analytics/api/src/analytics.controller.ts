import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetApprovalAnalyticsQuery } from '@qa/analytics-application';
import { Roles } from '@qa/shared-http';
import { ApprovalAnalyticsRequest, ApprovalAnalyticsResponse } from './analytics.dtos';

@ApiTags('analytics')
@Controller({ path: 'analytics', version: '1' })
export class AnalyticsController {
  constructor(private readonly queries: QueryBus) {}

  /** Managers and admins see every team's figures (the team filter narrows them); reps get 403. */
  @Get('approvals')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'getApprovalAnalytics', summary: 'Approval analytics: time in approval, open rounds by age, rates, discount leakage, slowest approvers, escalations (managers and admins)' })
  @ApiOkResponse({ type: ApprovalAnalyticsResponse })
  approvals(@Query() query: ApprovalAnalyticsRequest): Promise<ApprovalAnalyticsResponse> {
    return this.queries.execute(new GetApprovalAnalyticsQuery(query));
  }
}
