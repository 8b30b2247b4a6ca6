import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindApprovalRequestQuery, type ApprovalRequestSummary } from '@qa/approvals-contracts';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';

/** A round by its request id, as other contexts may know it (quotes checks which version a decision is for). */
@QueryHandler(FindApprovalRequestQuery)
export class FindApprovalRequestHandler implements IQueryHandler<FindApprovalRequestQuery, ApprovalRequestSummary | null> {
  constructor(private readonly requests: ApprovalRequestRepository) {}

  async execute({ requestId }: FindApprovalRequestQuery): Promise<ApprovalRequestSummary | null> {
    return (await this.requests.findById(requestId))?.summary() ?? null;
  }
}
