// @qa/notifications-application: in-app notifications and their e-mail copy.
import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SendNotificationCommand } from '@qa/notifications-contracts';
import { Notification, NotificationErrors, NotificationRepository } from '@qa/notifications-domain';
import type { Caller } from '@qa/shared-kernel';

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

export const notificationsHandlers = [NotificationsService, SendNotificationHandler];
