import { CommandBus } from '@nestjs/cqrs';
import { ApprovalRequestApproved, ApprovalRequestChangesRequested, ApprovalRequestOpened, ApprovalRequestStepStarted, type ApprovalRequestPayload } from '@qa/approvals-contracts';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { ScheduleStepTimersCommand } from '../../commands/schedule-step-timers/schedule-step-timers.command';

/** A round opened or moved on: its step's reminder and escalation timers follow, counted from the event's time. */
@IntegrationEventsHandler('approvals', ApprovalRequestOpened, ApprovalRequestStepStarted, ApprovalRequestApproved, ApprovalRequestChangesRequested)
export class ScheduleStepTimersWhenRoundMovesHandler implements IntegrationEventHandler<ApprovalRequestPayload> {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: IntegrationEvent<ApprovalRequestPayload>): Promise<void> {
    await this.commands.execute(new ScheduleStepTimersCommand(event.payload.requestId, new Date(event.occurredAt)));
  }
}
