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
    const saved = await this.settings.get();
    // Base currency and rates not sent: the saved ones.
    const edited = { ...policy, baseCurrency: policy.baseCurrency ?? saved.baseCurrency, exchangeRates: policy.exchangeRates ?? saved.exchangeRates };
    const checked = checkPolicy(edited, await approversAmong(this.queries, namedApprovers(policy)));
    const quote = await findQuoteSnapshot(this.queries, quoteId);
    if (!quote) throw ApprovalErrors.notFound(quoteId);
    // Routed as the saved version it edits would route it; submitted by its owner.
    const { version } = saved;
    const { required, complete, approverIds, route } = await routeUnder(this.queries, checked, version ?? 0, { ...quoteFactsOf(quote), submittedBy: quote.ownerId }, this.clock.now());
    return { required, complete, approverIds, route: route ? waitingTimeline(route) : null, people: route ? await routePeople(this.queries, route) : [] };
  }
}
