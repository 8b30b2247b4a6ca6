import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApprovalErrors, diffSnapshots } from '@qa/approvals-domain';
import { canApprove, hidesQuoteFrom } from '../../shared/approval-access';
import { findQuoteSnapshot, findUsers, routePeople } from '../../shared/approval-lookups';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { GetApprovalPageQuery, type ApprovalPage } from './get-approval-page.query';

/**
 * Only the current round's approvers, of any step (and admins, to see), get the page. Everyone its
 * route names comes with their name and whether their account is still active (a deactivated
 * approver of an open round is shown as such).
 */
@QueryHandler(GetApprovalPageQuery)
export class GetApprovalPageHandler implements IQueryHandler<GetApprovalPageQuery> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ caller, quoteId }: GetApprovalPageQuery): Promise<ApprovalPage> {
    const rounds = await this.requests.listForQuote(quoteId);
    const current = rounds.at(-1);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const isApprover = current.approverIds.includes(caller.userId);
    if (!isApprover && caller.role !== 'admin') throw ApprovalErrors.notAnApprover();
    const [me] = isApprover ? await findUsers(this.queries, [caller.userId]) : [];
    const eligible = !!me && me.id === caller.userId && canApprove(me);
    if (isApprover && !eligible && caller.role !== 'admin') throw ApprovalErrors.approverNotEligible();
    const quoteUnchanged =
      current.status !== 'pending' ||
      (await findQuoteSnapshot(this.queries, current.quoteId).then(
        (quote) => current.reviews(quote),
        () => false,
      ));
    const previous = rounds.length > 1 ? rounds[rounds.length - 2] : null;
    return {
      request: current,
      rounds,
      approvers: await routePeople(this.queries, current.route),
      changes: diffSnapshots(previous?.snapshot ?? null, current.snapshot),
      canDecide: quoteUnchanged && current.awaitsDecisionFrom({ id: caller.userId, eligible }),
    };
  }
}
