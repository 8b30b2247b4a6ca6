import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { waitingTimeline, type ApprovalRoutePreview } from '@qa/approvals-contracts';
import { ApprovalErrors, checkPolicy, namedApprovers } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { approversAmong, findQuoteSnapshot, quoteFactsOf, routePeople, routeUnder } from '../../shared/approval-lookups';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { TryApprovalPolicyQuery } from './try-approval-policy.query';

@QueryHandler(TryApprovalPolicyQuery)
export class TryApprovalPolicyHandler implements IQueryHandler<TryApprovalPolicyQuery, ApprovalRoutePreview> {
  constructor(
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ policy, quoteId }: TryApprovalPolicyQuery): Promise<ApprovalRoutePreview> {
    const checked = checkPolicy(policy, await approversAmong(this.queries, namedApprovers(policy)));
    const quote = await findQuoteSnapshot(this.queries, quoteId);
    if (!quote) throw ApprovalErrors.notFound(quoteId);
    // Routed as the saved version it edits would route it; submitted by its owner.
    const { version } = await this.settings.get();
    const { required, complete, approverIds, route } = await routeUnder(this.queries, checked, version ?? 0, { ...quoteFactsOf(quote), submittedBy: quote.ownerId }, this.clock.now());
    return { required, complete, approverIds, route: route ? waitingTimeline(route) : null, people: route ? await routePeople(this.queries, route) : [] };
  }
}
