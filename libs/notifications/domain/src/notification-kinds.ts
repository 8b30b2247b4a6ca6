import type { NotificationKind, NotificationMessage } from '@qa/notifications-contracts';

/**
 * The preference kind of the message codes other contexts send without naming a kind: the
 * notifications the built-in quote approval workflows send (the owner's "approved", the rep's
 * reminder to the approvers). A sender that names `kind` is taken at its word.
 */
const KIND_OF_CODE: Record<string, NotificationKind> = {
  'approvals.quoteApproved': 'decided',
  'approvals.approvalReminder': 'reminded',
};

/** The kind a notification's preferences are read for: the one it names, else its code's, else none. */
export function kindOfNotification(notification: { kind?: NotificationKind | null; message?: NotificationMessage | null }): NotificationKind | null {
  return notification.kind ?? (notification.message ? (KIND_OF_CODE[notification.message.code] ?? null) : null);
}
