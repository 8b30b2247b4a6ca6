import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalTimer, stepTimers } from '@qa/approvals-domain';
import { Clock } from '@qa/shared-kernel';
import { ApprovalRequestRepository, ApprovalSettingsRepository, ApprovalTimerRepository, ApprovalTimerScheduler } from '../../ports/approvals.ports';
import { ScheduleStepTimersCommand } from './schedule-step-timers.command';

/**
 * Timers follow the round: those of a step it has left end (and leave the queue); the step it
 * stands at gets its reminder and escalation, counted in the account's business hours from when
 * the step started, as the rules of the step say now. Each timer is a row first and then a delayed
 * job; if the transaction rolls back, the job finds no row and does nothing.
 */
@CommandHandler(ScheduleStepTimersCommand)
export class ScheduleStepTimersHandler implements ICommandHandler<ScheduleStepTimersCommand> {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly timers: ApprovalTimerRepository,
    private readonly scheduler: ApprovalTimerScheduler,
    private readonly clock: Clock,
  ) {}

  async execute({ requestId, at }: ScheduleStepTimersCommand): Promise<void> {
    const request = await this.requests.findById(requestId);
    if (!request) return;
    const now = this.clock.now();
    const existing = await this.timers.listForRequest(requestId);
    for (const timer of existing) {
      if (timer.stillApplies(request) || !timer.cancel(now)) continue;
      await this.timers.save(timer);
      await this.scheduler.unschedule(timer.id);
    }
    if (request.status !== 'pending' || existing.some((t) => t.round === request.round && t.step === request.currentStep)) return;
    const { rules, businessHours } = await this.settings.get();
    for (const planned of stepTimers(request, rules, businessHours, at)) {
      const timer = ApprovalTimer.schedule({ requestId, round: request.round, step: request.currentStep, ...planned, now });
      await this.timers.save(timer);
      await this.scheduler.schedule(timer);
    }
  }
}
