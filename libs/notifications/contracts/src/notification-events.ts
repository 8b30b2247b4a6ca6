import { integrationEvent } from '@qa/shared-kernel';

export interface NotificationPayload extends Record<string, unknown> {
  notificationId: string;
  recipientUserId: string;
  title: string;
  body: string;
  link: string | null;
}

export const NotificationCreated = integrationEvent<NotificationPayload>('notifications.notification.created.v1');
