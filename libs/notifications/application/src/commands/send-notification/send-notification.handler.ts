import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SendNotificationCommand, type NewNotification, type SentNotification } from '@qa/notifications-contracts';
import { kindOfNotification, Notification, notificationMail, NotificationPreferencesRepository, NotificationRepository, OutgoingEmail, OutgoingEmailRepository } from '@qa/notifications-domain';
import { Clock, uuidv7 } from '@qa/shared-kernel';
import { AppLinks, Mailer } from '../../ports/notifications.ports';

/**
 * Notifies a user in the app; the same source key twice notifies once. (The e-mail copy follows
 * from its event.) The recipient's preferences for its kind decide: in-app off, no notification
 * (but, with that kind's e-mail on, an e-mail of its own, once per source key); e-mail off, no
 * e-mail copy. A notification of no kind always goes out.
 */
@CommandHandler(SendNotificationCommand)
export class SendNotificationHandler implements ICommandHandler<SendNotificationCommand, SentNotification> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferencesRepository,
    private readonly emails: OutgoingEmailRepository,
    private readonly mailer: Mailer,
    private readonly links: AppLinks,
    private readonly clock: Clock,
  ) {}

  async execute({ notification }: SendNotificationCommand): Promise<SentNotification> {
    if (notification.sourceKey) {
      const existing = await this.notifications.findBySourceKey(notification.sourceKey);
      if (existing) return { id: existing.id, created: false };
    }
    const kind = kindOfNotification(notification);
    const preferences = kind ? await this.preferences.forUser(notification.recipientUserId) : null;
    const emailCopy = notification.emailCopy !== false && (!kind || !preferences || preferences.allows(kind, 'email'));
    if (kind && preferences && !preferences.allows(kind, 'inApp')) {
      if (emailCopy) await this.emailInstead(notification);
      return { id: null, created: false };
    }
    const created = Notification.create({ ...notification, emailCopy });
    await this.notifications.save(created);
    return { id: created.id, created: true };
  }

  /** In-app off, e-mail on: the notification's e-mail copy, as an e-mail of its own (once per source key). */
  private async emailInstead(notification: NewNotification): Promise<void> {
    if (!this.mailer.enabled) return;
    const sourceKey = `notification:${notification.sourceKey ?? uuidv7()}`;
    if (await this.emails.findBySourceKey(sourceKey)) return;
    const mail = notificationMail(notification, this.links.baseUrl);
    await this.emails.save(OutgoingEmail.queue({ recipientUserId: notification.recipientUserId, ...mail, sourceKey }, this.clock.now()));
  }
}
