import { EmailQueued, type NewEmail } from '@qa/notifications-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';

/**
 * An e-mail of its own to a user (an approval request, say), kept until it is sent: queued in the
 * sender's transaction (once per source key), sent by the worker after that commits.
 */
export class OutgoingEmail extends AggregateRoot {
  id!: string;
  version: number | undefined;
  recipientUserId!: string;
  subject!: string;
  /** Emptied once sent: its links are for the recipient only, and nobody needs them kept. */
  text!: string;
  html!: string;
  sourceKey!: string;
  createdAt!: Date;
  sentAt!: Date | null;

  protected get aggregateType() {
    return 'email';
  }

  static queue(props: NewEmail, now = new Date()): OutgoingEmail {
    const email = Object.assign(new OutgoingEmail(), { id: uuidv7(now.getTime()), ...props, createdAt: now, sentAt: null });
    email.record(EmailQueued, { emailId: email.id, recipientUserId: props.recipientUserId }, now);
    return email;
  }

  /** What goes to the mail server. */
  message(address: string): { to: string; subject: string; text: string; html: string } {
    return { to: address, subject: this.subject, text: this.text, html: this.html };
  }

  /** Sent: a redelivery sends no second one, and the body is not kept. */
  markSent(now = new Date()): void {
    if (this.sentAt) return;
    this.sentAt = now;
    this.text = '';
    this.html = '';
  }
}
