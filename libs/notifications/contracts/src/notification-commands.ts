import { Command } from '@nestjs/cqrs';

/**
 * A text for people as a code with parameters (e.g. `approvals.quoteApproved` with `number` and
 * `title`): clients word it in the reader's language.
 */
export interface NotificationMessage {
  code: string;
  params: Record<string, string>;
}

/** A notification to send: to whom, what, a path in the app, and (optionally) an idempotency key. */
export interface NewNotification {
  recipientUserId: string;
  title: string;
  body: string;
  /** The text as a code with parameters (clients word it; `title` and `body` are then the fallback). */
  message?: NotificationMessage | null;
  /** A path in the app, e.g. /quotes/<id>. */
  link: string | null;
  /** The same key twice notifies once. */
  sourceKey: string | null;
}

/** The notification a send made, or (same source key) found: `created` false when it already existed. */
export interface SentNotification {
  id: string;
  created: boolean;
}

/**
 * Notifies a user in the app (and by e-mail when SMTP is configured). `sourceKey` makes it
 * idempotent: the same key twice notifies once. Send it on the CommandBus.
 */
export class SendNotificationCommand extends Command<SentNotification> {
  constructor(readonly notification: NewNotification) {
    super();
  }
}
