import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery, type ApprovalVerdict } from '@qa/approvals-contracts';
import { evaluateApproval, namedApprovers } from '@qa/approvals-domain';
import { approversAmong } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';

/** Who must approve and why: only active managers and admins, never the owner or the submitter. */
@QueryHandler(EvaluateQuoteApprovalQuery)
export class EvaluateQuoteApprovalHandler implements IQueryHandler<EvaluateQuoteApprovalQuery, ApprovalVerdict> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ facts }: EvaluateQuoteApprovalQuery): Promise<ApprovalVerdict> {
    const settings = await this.settings.get();
    return evaluateApproval(settings, facts, await approversAmong(this.queries, namedApprovers(settings)));
  }
}
