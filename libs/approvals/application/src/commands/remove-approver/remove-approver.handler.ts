import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { routeApprovers } from '@qa/approvals-contracts';
import { Clock } from '@qa/shared-kernel';
import { mayApproveNow } from '../../shared/approval-lookups';
import { ApprovalRequestRepository, ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { RemoveApproverCommand } from './remove-approver.command';

/**
 * Every pending round where the user is an approver of the current or a later step: they leave the
 * groups where their place is open (`ApprovalRequest.removeApprover`); a group left with nobody
 * goes to the account's fallback approver when that person may approve now (read from identity),
 * else it stays with them, marked unresolved, for an admin to reassign. Idempotent: a round
 * already changed for them changes no more.
 */
@CommandHandler(RemoveApproverCommand)
export class RemoveApproverHandler implements ICommandHandler<RemoveApproverCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, because }: RemoveApproverCommand): Promise<number> {
    const rounds = (await this.requests.listPending()).filter((r) => r.route.steps.some((s, i) => i >= r.currentStep && s.groups.some((g) => g.approverIds.includes(userId))));
    if (!rounds.length) return 0;
    const now = this.clock.now();
    const fallbackId = (await this.settings.get()).defaultApproverId;
    const fallback = fallbackId && fallbackId !== userId && (await mayApproveNow(this.queries, fallbackId)) ? fallbackId : null;
    let changed = 0;
    for (const round of rounds) {
      const { standIns } = await this.queries.execute(new FindStandInsQuery(round, [...routeApprovers(round.route), ...(fallback ? [fallback] : [])], now));
      if (!round.removeApprover(userId, because, fallback, now, standIns)) continue;
      await this.requests.save(round);
      changed++;
    }
    return changed;
  }
}
