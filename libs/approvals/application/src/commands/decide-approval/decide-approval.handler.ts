import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalErrors, type ApprovalRequest } from '@qa/approvals-domain';
import { hidesQuoteFrom } from '../../shared/approval-access';
import { findQuoteSnapshot, mayApproveNow } from '../../shared/approval-lookups';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { DecideApprovalCommand } from './decide-approval.command';

/**
 * Approve or request changes. Who first (not the owner, not the submitter, an approver of this
 * round, still an active manager or admin now), then the quote: it must still be Pending approval
 * at the version this round reviews, so no decision lands on a quote changed since. The decision
 * itself (the round's state, all or any, notes) is `ApprovalRequest.decide`.
 */
@CommandHandler(DecideApprovalCommand)
export class DecideApprovalHandler implements ICommandHandler<DecideApprovalCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ caller, quoteId, round, decision, notes }: DecideApprovalCommand): Promise<ApprovalRequest> {
    const current = await this.requests.findCurrent(quoteId);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const approver = { id: caller.userId, eligible: current.approverIds.includes(caller.userId) && (await mayApproveNow(this.queries, caller.userId)) };
    current.checkDecider(approver);
    if (round === current.round && current.status === 'pending') current.checkReviews(await findQuoteSnapshot(this.queries, current.quoteId));
    current.decide(approver, round, decision, notes);
    await this.requests.save(current);
    return current;
  }
}
