import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { routeApprovers } from '@qa/approvals-contracts';
import { ApprovalErrors, type ApprovalRequest } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { hidesQuoteFrom } from '../../shared/approval-access';
import { mayApproveNow } from '../../shared/approval-lookups';
import { ApprovalRequestRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { ReassignApproverCommand } from './reassign-approver.command';

/**
 * Moving work along: an approver hands their place in the current step to another eligible
 * approver (read from identity now), or an admin moves anyone's. The rules (whose place, who may
 * take it, the note) are `ApprovalRequest.reassign`; `approvals.request.reassigned.v1` asks the
 * new approver (a task).
 */
@CommandHandler(ReassignApproverCommand)
export class ReassignApproverHandler implements ICommandHandler<ReassignApproverCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, quoteId, round, from, to, note }: ReassignApproverCommand): Promise<ApprovalRequest> {
    const current = await this.requests.findCurrent(quoteId);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const admin = caller.role === 'admin';
    // Who first: someone who is neither an admin nor an approver of the round learns nothing about it.
    if (!admin && !current.approverIds.includes(caller.userId)) throw ApprovalErrors.notAnApprover();
    if (!admin && !(await mayApproveNow(this.queries, caller.userId))) throw ApprovalErrors.approverNotEligible();
    const now = this.clock.now();
    const { standIns } = await this.queries.execute(new FindStandInsQuery(current, [...routeApprovers(current.route), to], now));
    current.reassign({ id: caller.userId, admin }, from, { id: to, eligible: await mayApproveNow(this.queries, to) }, note, round, now, standIns);
    await this.requests.save(current);
    return current;
  }
}
