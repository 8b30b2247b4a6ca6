// @qa/notifications-domain: an in-app message to a user. No framework imports.
import { NotificationCreated } from '@qa/notifications-contracts';
import { AggregateRoot, DomainError, uuidv7 } from '@qa/shared-kernel';

export class Notification extends AggregateRoot {
  id!: string;
  version: number | undefined;
  recipientUserId!: string;
  title!: string;
  body!: string;
  /** A path in the app, e.g. /quotes/<id>. */
  link!: string | null;
  sourceKey!: string | null;
  createdAt!: Date;
  readAt!: Date | null;
  /** When the e-mail copy went out (null: not sent, or no SMTP configured). */
  emailedAt!: Date | null;

  protected get aggregateType() {
    return 'notification';
  }

  static create(props: { recipientUserId: string; title: string; body: string; link: string | null; sourceKey: string | null }): Notification {
    const notification = Object.assign(new Notification(), { id: uuidv7(), ...props, createdAt: new Date(), readAt: null, emailedAt: null });
    notification.record(NotificationCreated, { notificationId: notification.id, recipientUserId: props.recipientUserId, title: props.title, body: props.body, link: props.link });
    return notification;
  }

  markRead(now = new Date()): void {
    this.readAt ??= now;
  }
}

export const NotificationErrors = {
  notFound: (id: string) => new DomainError('NOTIFICATIONS.NOT_FOUND', `No notification ${id}`, 'not-found', { id }),
};

export abstract class NotificationRepository {
  abstract findById(id: string): Promise<Notification | null>;
  abstract findBySourceKey(sourceKey: string): Promise<Notification | null>;
  abstract listFor(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<Notification[]>;
  abstract countUnread(userId: string): Promise<number>;
  abstract markAllRead(userId: string, now: Date): Promise<number>;
  abstract save(notification: Notification): Promise<void>;
}
