import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { stepApprovers } from '@qa/approvals-contracts';
import { ApprovalErrors, type ApprovalRequest } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { hidesQuoteFrom } from '../../shared/approval-access';
import { ApprovalRequestRepository, ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { RemindApproversCommand } from './remind-approvers.command';

/**
 * A reminder from the quote's owner (or whoever submitted it) to the approvers still to decide the
 * current step (their stand-ins when out of office): at most once per step per the settings'
 * cooldown, counted from the step's activity by the clock (429 APPROVALS.REMINDER_TOO_SOON with
 * `retryAt`). `approvals.request.reminded.v1` notifies them.
 */
@CommandHandler(RemindApproversCommand)
export class RemindApproversHandler implements ICommandHandler<RemindApproversCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, quoteId, round }: RemindApproversCommand): Promise<ApprovalRequest> {
    const current = await this.requests.findCurrent(quoteId);
    if (!current || hidesQuoteFrom(caller, current)) throw ApprovalErrors.notFound(quoteId);
    const now = this.clock.now();
    const cooldownHours = (await this.settings.get()).reminderCooldown();
    const { standIns } = await this.queries.execute(new FindStandInsQuery(current, stepApprovers(current.route, current.currentStep), now));
    current.remind(caller.userId, round, now, { cooldownHours, standIns });
    await this.requests.save(current);
    return current;
  }
}
