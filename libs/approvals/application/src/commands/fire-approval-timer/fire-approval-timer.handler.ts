import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { stepApprovers } from '@qa/approvals-contracts';
import { escalationTargets } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { orgDirectory } from '../../shared/approval-lookups';
import { FindStandInsQuery } from '../../queries/find-stand-ins/find-stand-ins.query';
import { ApprovalRequestRepository, ApprovalSettingsRepository, ApprovalTimerRepository } from '../../ports/approvals.ports';
import { FireApprovalTimerCommand, type TimerFiring } from './fire-approval-timer.command';

/**
 * Fires a timer once: only a scheduled timer whose time has come (by the clock, whatever the
 * queue thought), and only while its round still stands at its step; otherwise it ends without
 * effect. A reminder records itself on the round (the approvers are told by the event); an
 * escalation adds the waiting approvers' managers, or the fallback approver, beside them. The timer
 * row is versioned: two jobs for one timer (a sweep's and the original) fire it once.
 */
@CommandHandler(FireApprovalTimerCommand)
export class FireApprovalTimerHandler implements ICommandHandler<FireApprovalTimerCommand> {
  constructor(
    private readonly timers: ApprovalTimerRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  async execute({ timerId }: FireApprovalTimerCommand): Promise<TimerFiring> {
    const timer = await this.timers.findById(timerId);
    if (!timer) return 'missing';
    if (timer.state !== 'scheduled') return 'ended';
    const now = this.clock.now();
    if (!timer.isDue(now)) return { notBefore: new Date(timer.dueAt) };
    const request = await this.requests.findById(timer.requestId);
    if (!request || !timer.stillApplies(request)) {
      timer.cancel(now);
      await this.timers.save(timer);
      return 'ended';
    }
    if (timer.kind === 'remind') {
      // The approvers still to decide, or whoever stands in for them while they are out.
      const { standIns } = await this.queries.execute(new FindStandInsQuery(request, stepApprovers(request.route, request.currentStep), now));
      request.remind(null, request.round, now, { standIns });
    } else {
      const { defaultApproverId } = await this.settings.get();
      request.escalate(timer.step, escalationTargets(request, await orgDirectory(this.queries), timer.escalateTo ?? 'manager', defaultApproverId), now);
    }
    timer.fire(now);
    await this.requests.save(request);
    await this.timers.save(timer);
    return 'fired';
  }
}
