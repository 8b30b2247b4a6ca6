import { CommandBus } from '@nestjs/cqrs';
import { UserDeactivated, UserRoleChanged, type UserChangedPayload } from '@qa/identity-contracts';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { RemoveApproverCommand } from '../../commands/remove-approver/remove-approver.command';

/**
 * An approver was deactivated, or is no longer a manager or admin: their open places in pending
 * rounds go to the fallback approver (or are marked unresolved), so no step waits for someone
 * who can never decide it.
 */
@IntegrationEventsHandler('approvals', UserDeactivated, UserRoleChanged)
export class RemoveApproverWhenUserLeavesHandler implements IntegrationEventHandler<UserChangedPayload> {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: IntegrationEvent<UserChangedPayload>): Promise<void> {
    if (event.name === UserDeactivated.name) {
      await this.commands.execute(new RemoveApproverCommand(event.payload.userId, 'inactive'));
      return;
    }
    if (event.payload.active && event.payload.role === 'rep') await this.commands.execute(new RemoveApproverCommand(event.payload.userId, 'not-approver'));
  }
}
