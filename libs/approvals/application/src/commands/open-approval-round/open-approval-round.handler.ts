import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { EvaluateQuoteApprovalQuery, routeApprovers } from '@qa/approvals-contracts';
import { ApprovalRequest } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { approversAmong, findQuoteSnapshot, quoteFactsOf } from '../../shared/approval-lookups';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { OpenApprovalRoundCommand } from './open-approval-round.command';

/**
 * A new round with the route fixed at submit (the previous pending one, if any, no longer counts).
 * When the quote has moved on since that submit (withdrawn, submitted again), nothing opens: a
 * later submitted event opens the round of the version then submitted.
 */
@CommandHandler(OpenApprovalRoundCommand)
export class OpenApprovalRoundHandler implements ICommandHandler<OpenApprovalRoundCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ quoteId, submittedVersion }: OpenApprovalRoundCommand): Promise<ApprovalRequest | null> {
    const quote = await findQuoteSnapshot(this.queries, quoteId);
    if (!quote || quote.status !== 'pending_approval') return null;
    if (submittedVersion !== undefined && quote.version !== submittedVersion) return null;
    const previous = await this.requests.findCurrent(quoteId);
    if (previous && previous.quoteVersion === quote.version) return previous; // already opened for this version
    const now = this.clock.now();
    if (previous?.cancel(now)) await this.requests.save(previous);
    // Quotes submitted before routes were kept with the quote have none: routed now, as the policy says now.
    const frozen = quote.approvalRoute;
    const route = frozen ?? (await this.queries.execute(new EvaluateQuoteApprovalQuery(quoteFactsOf(quote)))).route;
    if (!route) return null; // such a quote needs no approval now: an admin recalls it
    // Smart re-approval: the previous round's approvals that still stand (none of the fields their
    // rules watch changed) are kept, by approvers who may still approve now (read from identity).
    const watches = route.rules.some((r) => r.watchedFields?.length);
    const carryOver = previous && watches ? { previous, eligibleApproverIds: await approversAmong(this.queries, routeApprovers(route)) } : undefined;
    const request = ApprovalRequest.open({
      quoteId,
      quoteVersion: quote.version,
      round: (previous?.round ?? 0) + 1,
      ownerId: quote.ownerId,
      submittedBy: frozen?.submittedBy ?? null,
      route: { policyVersion: route.policyVersion, steps: route.steps, rules: route.rules },
      snapshot: {
        title: quote.title,
        currency: quote.currency,
        total: quote.total,
        quoteDiscount: quote.quoteDiscount,
        lines: quote.lines,
        expiresOn: quote.expiresOn,
        paymentTermsDays: quote.paymentTermsDays,
        companyId: quote.companyId,
        dealId: quote.dealId,
      },
      carryOver,
      // Approvers out of office now: their delegates are asked in their place.
      standIns: (await this.queries.execute(new FindStandInsQuery({ ownerId: quote.ownerId, submittedBy: frozen?.submittedBy ?? null }, routeApprovers(route), now))).standIns,
      now,
    });
    await this.requests.save(request);
    return request;
  }
}
