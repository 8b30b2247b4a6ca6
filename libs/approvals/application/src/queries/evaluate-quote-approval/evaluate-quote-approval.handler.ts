import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery, type ApprovalVerdict } from '@qa/approvals-contracts';
import { Clock } from '@qa/shared-kernel';
import { routeUnder } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';

/**
 * Whether a quote needs approval and its route, under the policy now, with approvers resolved
 * from the org now: only active managers and admins, never the owner or the submitter.
 */
@QueryHandler(EvaluateQuoteApprovalQuery)
export class EvaluateQuoteApprovalHandler implements IQueryHandler<EvaluateQuoteApprovalQuery, ApprovalVerdict> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ facts }: EvaluateQuoteApprovalQuery): Promise<ApprovalVerdict> {
    const settings = await this.settings.get();
    // The version numbers the policy: 0 before the first save.
    return routeUnder(this.queries, settings, settings.version ?? 0, facts, this.clock.now());
  }
}
