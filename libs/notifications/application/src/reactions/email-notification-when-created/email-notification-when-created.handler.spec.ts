import type { QueryBus } from '@nestjs/cqrs';
import { FindUsersQuery, type UserSummary } from '@qa/identity-contracts';
import type { NotificationPayload } from '@qa/notifications-contracts';
import type { Notification } from '@qa/notifications-domain';
import type { IntegrationEvent } from '@qa/shared-kernel';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryNotifications, RecordingMailer, savedNotification } from '../../testing/in-memory-notifications';
import { EmailNotificationWhenCreatedHandler } from './email-notification-when-created.handler';

const created = (n: Notification): IntegrationEvent<NotificationPayload> => ({
  id: 'e1',
  name: 'notifications.notification.created.v1',
  occurredAt: '2026-11-26T10:00:00Z',
  aggregateType: 'notification',
  aggregateId: n.id,
  aggregateVersion: 1,
  actor: { type: 'system', id: null },
  correlationId: 'c1',
  payload: { notificationId: n.id, recipientUserId: n.recipientUserId, title: n.title, body: n.body, link: n.link },
});

describe('EmailNotificationWhenCreatedHandler', () => {
  let notifications: MemoryNotifications;
  let mailer: RecordingMailer;
  const users = new Map<string, UserSummary>();
  const asked: string[][] = [];
  const queries = {
    execute: async (query: FindUsersQuery) => {
      asked.push(query.ids);
      return query.ids.flatMap((id) => users.get(id) ?? []);
    },
  } as unknown as QueryBus;
  const links = { baseUrl: 'https://app.example.com' };
  const reaction = () => new EmailNotificationWhenCreatedHandler(notifications, mailer, queries, links);

  beforeEach(() => {
    notifications = new MemoryNotifications();
    mailer = new RecordingMailer();
    asked.length = 0;
    users.set('rep-1', { id: 'rep-1', email: 'rita@example.com', name: 'Rita', role: 'rep', active: true, team: null, reportsTo: null });
    users.set('rep-2', { id: 'rep-2', email: 'gone@example.com', name: 'Gone', role: 'rep', active: false, team: null, reportsTo: null });
  });

  it('mails the copy to the recipient once, with the link in the app, and marks it e-mailed', async () => {
    const notification = await savedNotification(notifications);
    await reaction().handle(created(notification));
    await reaction().handle(created(notification)); // redelivered
    expect(mailer.sent).toEqual([{ to: 'rita@example.com', subject: 'Quote approved', text: 'Your quote was approved\n\nhttps://app.example.com/quotes/q1' }]);
    expect(notification).toMatchObject({ emailedAt: expect.any(Date), version: 2 });
    expect(asked).toEqual([['rep-1']]);
  });

  it('sends nothing to a deactivated recipient, for a notification that is gone, or without SMTP', async () => {
    const toGone = await savedNotification(notifications, { recipientUserId: 'rep-2' });
    await reaction().handle(created(toGone));
    const missing = await savedNotification(notifications);
    notifications.notifications.delete(missing.id);
    await reaction().handle(created(missing));
    const enabled = mailer;
    mailer = new RecordingMailer(false);
    const unsent = await savedNotification(notifications);
    await reaction().handle(created(unsent));
    expect([enabled.sent, mailer.sent]).toEqual([[], []]);
    expect([toGone.emailedAt, unsent.emailedAt]).toEqual([null, null]);
    expect(asked).toEqual([['rep-2']]);
  });

  it('sends no copy of a notification that wants none (its kind’s e-mail off, or its sender e-mails the recipient itself)', async () => {
    const notification = await savedNotification(notifications, { emailCopy: false });
    await reaction().handle(created(notification));
    expect([mailer.sent, notification.emailedAt, asked]).toEqual([[], null, []]);
  });
});
