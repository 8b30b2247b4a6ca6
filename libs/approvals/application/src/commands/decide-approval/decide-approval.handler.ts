import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { routeApprovers } from '@qa/approvals-contracts';
import { ApprovalErrors, type ApprovalRequest } from '@qa/approvals-domain';
import { hidesQuoteFrom } from '../../shared/approval-access';
import { findQuoteSnapshot, mayApproveNow } from '../../shared/approval-lookups';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { DecideApprovalCommand } from './decide-approval.command';

/**
 * Approve or request changes. Who first (not the owner, not the submitter, an approver of this
 * round, still an active manager or admin now), then the quote: it must still be Pending approval
 * at the version this round reviews, so no decision lands on a quote changed since. The decision
 * itself (the round's state, all or any, notes) is `ApprovalRequest.decide`. A delegate (or the
 * fallback approver) of an approver out of office decides in their place while the delegation holds
 * by the clock, "on behalf of" them; never on a quote they own or submitted. Approve with limits:
 * the limits are checked, and the quote as it is now must already be within them.
 */
@CommandHandler(DecideApprovalCommand)
export class DecideApprovalHandler implements ICommandHandler<DecideApprovalCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ caller, quoteId, round, decision, notes, options }: DecideApprovalCommand): Promise<ApprovalRequest> {
    const current = await this.requests.findCurrent(quoteId);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    // Who stands in for whom now (delegations, by the clock): the caller decides their own place when
    // it waits for them, else the place of an approver of the current step they stand in for.
    const { at, standIns } = await this.queries.execute(new FindStandInsQuery(current, routeApprovers(current.route)));
    const actsFor = [...standIns.values()].filter((s) => s.mayAct.includes(caller.userId)).map((s) => s.approverId);
    const asked = options.onBehalfOf && options.onBehalfOf !== caller.userId ? options.onBehalfOf : null;
    if (asked && !actsFor.includes(asked)) throw ApprovalErrors.notAStandIn(asked);
    const mayApprove = current.approverIds.includes(caller.userId) || actsFor.length > 0 ? await mayApproveNow(this.queries, caller.userId) : false;
    const place = asked ?? current.placeFor({ id: caller.userId, eligible: mayApprove }, actsFor);
    const onBehalfOf = place && place !== caller.userId ? place : undefined;
    const approver = { id: caller.userId, eligible: (onBehalfOf !== undefined || current.approverIds.includes(caller.userId)) && mayApprove };
    if (onBehalfOf) current.checkStandIn(approver, onBehalfOf);
    else current.checkDecider(approver);
    const reviewing = round === current.round && current.status === 'pending';
    const quote = reviewing ? await findQuoteSnapshot(this.queries, current.quoteId) : null;
    if (reviewing) current.checkReviews(quote);
    // With limits: the quote as it is now (the version the round reviews) must be within them.
    current.decide(approver, round, decision, notes, at, { ...(options.limits ? { ...options, quoteFigures: quote?.limitFigures } : options), onBehalfOf, standIns });
    await this.requests.save(current);
    return current;
  }
}
