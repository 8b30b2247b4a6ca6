import { Command } from '@nestjs/cqrs';
import type { NotificationKind } from './notification-kinds';

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
  /**
   * Which of the recipient's preferences govern it (in the app, e-mail copy). Absent: the kind its
   * message code has (see notifications-domain `kindOfMessage`), else none (always sent).
   */
  kind?: NotificationKind | null;
  /** false: no e-mail copy whatever the preferences (the sender e-mails the recipient itself, e.g. the approval e-mail with its buttons). */
  emailCopy?: boolean;
}

/**
 * The notification a send made, or (same source key) found: `created` false when it already
 * existed. `id` null: none in the app, as the recipient switched that kind off there (they may be
 * e-mailed all the same, when they keep its e-mail on).
 */
export interface SentNotification {
  id: string | null;
  created: boolean;
}

/**
 * Notifies a user in the app (and by e-mail when SMTP is configured), as far as their preferences
 * for its `kind` allow. `sourceKey` makes it idempotent: the same key twice notifies once. Send it
 * on the CommandBus.
 */
export class SendNotificationCommand extends Command<SentNotification> {
  constructor(readonly notification: NewNotification) {
    super();
  }
}

/** An e-mail of its own (not the copy of a notification): plain text and HTML, to one user. */
export interface NewEmail {
  recipientUserId: string;
  subject: string;
  text: string;
  /** The same content as HTML (accessible: real links with clear text, no image-only content). */
  html: string;
  /** The same key twice sends once. */
  sourceKey: string;
  /** Which of the recipient's preferences govern it: with that kind's e-mail switched off, nothing is sent. Absent: always sent. */
  kind?: NotificationKind | null;
}

/** The e-mail queued, or (same source key) found; `id` null when nothing is sent (no mail server configured, or the recipient switched this kind's e-mail off). */
export interface QueuedEmail {
  id: string | null;
  created: boolean;
}

/**
 * E-mails a user (when SMTP is configured; otherwise nothing happens). The e-mail is kept and sent
 * after the sender's transaction commits, once per `sourceKey`. Send it on the CommandBus.
 */
export class SendEmailCommand extends Command<QueuedEmail> {
  constructor(readonly email: NewEmail) {
    super();
  }
}
