import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SendNotificationCommand, type SentNotification } from '@qa/notifications-contracts';
import { Notification, NotificationRepository } from '@qa/notifications-domain';

/** Notifies a user in the app; the same source key twice notifies once. (The e-mail copy follows from its event.) */
@CommandHandler(SendNotificationCommand)
export class SendNotificationHandler implements ICommandHandler<SendNotificationCommand, SentNotification> {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute({ notification }: SendNotificationCommand): Promise<SentNotification> {
    if (notification.sourceKey) {
      const existing = await this.notifications.findBySourceKey(notification.sourceKey);
      if (existing) return { id: existing.id, created: false };
    }
    const created = Notification.create(notification);
    await this.notifications.save(created);
    return { id: created.id, created: true };
  }
}
