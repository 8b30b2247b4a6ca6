// @qa/notifications-contracts: the command other contexts (workflows) send to notify a user, and
// the events of notifications.
import { integrationEvent } from '@qa/shared-kernel';

export interface NotificationPayload extends Record<string, unknown> {
  notificationId: string;
  recipientUserId: string;
  title: string;
  body: string;
  link: string | null;
}

export const NotificationCreated = integrationEvent<NotificationPayload>('notifications.notification.created.v1');

/**
 * Notifies a user in the app (and by e-mail when SMTP is configured). `sourceKey` makes it
 * idempotent: the same key twice notifies once. Send it on the CommandBus.
 */
export class SendNotificationCommand {
  constructor(
    readonly notification: { recipientUserId: string; title: string; body: string; link: string | null; sourceKey: string | null },
  ) {}
}
