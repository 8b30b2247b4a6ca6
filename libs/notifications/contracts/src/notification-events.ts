import { integrationEvent } from '@qa/shared-kernel';

export interface NotificationPayload extends Record<string, unknown> {
  notificationId: string;
  recipientUserId: string;
  title: string;
  body: string;
  link: string | null;
}

export const NotificationCreated = integrationEvent<NotificationPayload>('notifications.notification.created.v1');

export interface EmailQueuedPayload extends Record<string, unknown> {
  emailId: string;
  recipientUserId: string;
}

/** An e-mail waits to be sent (SendEmailCommand); the notifications context sends it. */
export const EmailQueued = integrationEvent<EmailQueuedPayload>('notifications.email.queued.v1');
