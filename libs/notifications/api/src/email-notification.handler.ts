import { QueryBus } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { AppLinks, Mailer } from '@qa/notifications-application';
import { NotificationCreated, type NotificationPayload } from '@qa/notifications-contracts';
import { NotificationRepository } from '@qa/notifications-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';

/**
 * The e-mail copy of a notification, sent by the worker after the notification is committed. At
 * least once: `emailedAt`, written in the same delivery transaction, stops a redelivery from
 * sending again; a crash between the SMTP answer and the commit can still send twice.
 */
@IntegrationEventsHandler('notifications', NotificationCreated)
export class EmailNotificationWhenCreatedHandler implements IntegrationEventHandler<NotificationPayload> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mailer: Mailer,
    private readonly queries: QueryBus,
    private readonly links: AppLinks,
  ) {}

  async handle(event: IntegrationEvent<NotificationPayload>): Promise<void> {
    if (!this.mailer.enabled) return;
    const notification = await this.notifications.findById(event.payload.notificationId);
    if (!notification || notification.emailedAt) return;
    const [user] = (await this.queries.execute(new FindUsersQuery([notification.recipientUserId]))) as UserSummary[];
    if (!user?.active) return;
    const link = notification.link ? `\n\n${this.links.baseUrl}${notification.link}` : '';
    await this.mailer.send({ to: user.email, subject: notification.title, text: `${notification.body}${link}` });
    notification.emailedAt = new Date();
    await this.notifications.save(notification);
  }
}

