// @qa/notifications-application: in-app notifications and their e-mail copy.
import { Injectable } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import { NotificationCreated, SendNotificationCommand, type NotificationPayload } from '@qa/notifications-contracts';
import { Notification, NotificationErrors, NotificationRepository } from '@qa/notifications-domain';
import type { Caller, IntegrationEvent } from '@qa/shared-kernel';
import { IntegrationEventsHandler, type IntegrationEventHandler } from '@qa/shared-messaging';

/** Sends e-mail; absent (NoMailer) when SMTP_URL is not set. */
export abstract class Mailer {
  abstract readonly enabled: boolean;
  abstract send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export class NoMailer extends Mailer {
  readonly enabled = false;
  async send(): Promise<void> {
    // No SMTP configured: in-app only.
  }
}

/** Base URL of the app, for links in e-mails. */
export abstract class AppLinks {
  abstract readonly baseUrl: string;
}

@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationRepository) {}

  list(caller: Caller, unreadOnly: boolean, limit = 50) {
    return this.notifications.listFor(caller.userId, { unreadOnly, limit });
  }

  countUnread(caller: Caller) {
    return this.notifications.countUnread(caller.userId);
  }

  async markRead(caller: Caller, id: string): Promise<Notification> {
    const notification = await this.notifications.findById(id);
    if (!notification || notification.recipientUserId !== caller.userId) throw NotificationErrors.notFound(id);
    notification.markRead();
    await this.notifications.save(notification);
    return notification;
  }

  markAllRead(caller: Caller): Promise<number> {
    return this.notifications.markAllRead(caller.userId, new Date());
  }
}

@CommandHandler(SendNotificationCommand)
export class SendNotificationHandler implements ICommandHandler<SendNotificationCommand, { id: string; created: boolean }> {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute({ notification }: SendNotificationCommand): Promise<{ id: string; created: boolean }> {
    if (notification.sourceKey) {
      const existing = await this.notifications.findBySourceKey(notification.sourceKey);
      if (existing) return { id: existing.id, created: false };
    }
    const created = Notification.create(notification);
    await this.notifications.save(created);
    return { id: created.id, created: true };
  }
}

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

export const notificationsHandlers = [NotificationsService, SendNotificationHandler];
