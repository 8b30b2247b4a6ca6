import { QueryBus } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { NotificationCreated, type NotificationPayload } from '@qa/notifications-contracts';
import { NotificationRepository } from '@qa/notifications-domain';
import { IntegrationEventsHandler, type IntegrationEvent, type IntegrationEventHandler } from '@qa/shared-kernel';
import { AppLinks, Mailer } from '../../ports/notifications.ports';

/**
 * The e-mail copy of a notification, sent by the worker after the notification is committed. At
 * least once: `emailedAt`, written in the same delivery transaction, stops a redelivery from
 * sending again; a crash between the mail server's answer and the commit can still send twice.
 * Only to a recipient whose account is still active, and only for a notification that wants a
 * copy (`emailCopy`: the recipient keeps its kind's e-mail on, and its sender does not e-mail them
 * itself).
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
    if (!notification || notification.emailedAt || notification.emailCopy === false) return;
    const [user]: UserSummary[] = await this.queries.execute(new FindUsersQuery([notification.recipientUserId]));
    if (!user?.active) return;
    await this.mailer.send(notification.emailTo(user.email, this.links.baseUrl));
    notification.markEmailed();
    await this.notifications.save(notification);
  }
}
