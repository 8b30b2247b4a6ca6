import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotificationErrors, NotificationRepository, type Notification } from '@qa/notifications-domain';
import { MarkNotificationReadCommand } from './mark-notification-read.command';

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute({ caller, notificationId }: MarkNotificationReadCommand): Promise<Notification> {
    const notification = await this.notifications.findById(notificationId);
    if (!notification || notification.recipientUserId !== caller.userId) throw NotificationErrors.notFound(notificationId);
    notification.markRead();
    await this.notifications.save(notification);
    return notification;
  }
}
