import { NotificationCreated, type NewNotification, type NotificationMessage } from '@qa/notifications-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { mailWording } from './mail-wording';

/** An in-app message to a user (and its e-mail copy). */
export class Notification extends AggregateRoot {
  id!: string;
  version: number | undefined;
  recipientUserId!: string;
  title!: string;
  body!: string;
  /** The text as a code with parameters, worded by clients (null: title and body are the text). */
  message!: NotificationMessage | null;
  /** A path in the app, e.g. /quotes/<id>. */
  link!: string | null;
  sourceKey!: string | null;
  createdAt!: Date;
  readAt!: Date | null;
  /** When the e-mail copy went out (null: not sent, or no SMTP configured). */
  emailedAt!: Date | null;
  /** Whether it gets an e-mail copy: false when the recipient switched its kind's e-mail off, or its sender e-mails them itself. */
  emailCopy!: boolean;

  protected get aggregateType() {
    return 'notification';
  }

  static create(props: NewNotification): Notification {
    const { kind: _kind, emailCopy = true, ...fields } = props;
    const notification = Object.assign(new Notification(), { id: uuidv7(), ...fields, message: props.message ?? null, createdAt: new Date(), readAt: null, emailedAt: null, emailCopy });
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

  /**
   * The e-mail copy: the text (a code worded by mailWording, else the title and body), with the
   * link made absolute with the app's base URL.
   */
  emailTo(address: string, appBaseUrl: string): { to: string; subject: string; text: string } {
    const link = this.link ? `\n\n${appBaseUrl}${this.link}` : '';
    const worded = mailWording(this.message) ?? { subject: this.title, text: this.body };
    return { to: address, subject: worded.subject, text: `${worded.text}${link}` };
  }
}
