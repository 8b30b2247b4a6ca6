import { NotificationCreated, type NewNotification } from '@qa/notifications-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';

/** An in-app message to a user (and its e-mail copy). */
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

  static create(props: NewNotification): Notification {
    const notification = Object.assign(new Notification(), { id: uuidv7(), ...props, createdAt: new Date(), readAt: null, emailedAt: null });
    notification.record(NotificationCreated, { notificationId: notification.id, recipientUserId: props.recipientUserId, title: props.title, body: props.body, link: props.link });
    return notification;
  }

  markRead(now = new Date()): void {
    this.readAt ??= now;
  }

  /** The e-mail copy went out: a redelivery sends no second one. */
  markEmailed(now = new Date()): void {
    this.emailedAt ??= now;
  }

  /** The e-mail copy: the text, with the link made absolute with the app's base URL. */
  emailTo(address: string, appBaseUrl: string): { to: string; subject: string; text: string } {
    const link = this.link ? `\n\n${appBaseUrl}${this.link}` : '';
    return { to: address, subject: this.title, text: `${this.body}${link}` };
  }
}
