import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotificationRepository } from '@qa/notifications-domain';
import { MarkAllNotificationsReadCommand } from './mark-all-notifications-read.command';

@CommandHandler(MarkAllNotificationsReadCommand)
export class MarkAllNotificationsReadHandler implements ICommandHandler<MarkAllNotificationsReadCommand> {
  constructor(private readonly notifications: NotificationRepository) {}

  execute({ caller }: MarkAllNotificationsReadCommand): Promise<number> {
    return this.notifications.markAllRead(caller.userId, new Date());
  }
}
