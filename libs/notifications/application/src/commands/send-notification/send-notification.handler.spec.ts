import { SendNotificationCommand } from '@qa/notifications-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryNotifications, newNotification } from '../../testing/in-memory-notifications';
import { SendNotificationHandler } from './send-notification.handler';

describe('SendNotificationHandler', () => {
  it('notifies the recipient, with a created event (the e-mail copy follows from it)', async () => {
    const notifications = new MemoryNotifications();
    const result = await new SendNotificationHandler(notifications).execute(new SendNotificationCommand(newNotification()));
    const notification = notifications.notifications.get(result.id)!;
    expect(result).toEqual({ id: notification.id, created: true });
    expect(notification).toMatchObject({ recipientUserId: 'rep-1', title: 'Quote approved', link: '/quotes/q1', readAt: null, emailedAt: null });
    expect(notification.pullEvents().map((e) => e.name)).toEqual(['notifications.notification.created.v1']);
  });

  it('notifies once per source key', async () => {
    const notifications = new MemoryNotifications();
    const handler = new SendNotificationHandler(notifications);
    const first = await handler.execute(new SendNotificationCommand(newNotification({ sourceKey: 'n-1' })));
    expect(await handler.execute(new SendNotificationCommand(newNotification({ sourceKey: 'n-1', title: 'Again' })))).toEqual({ id: first.id, created: false });
    expect([...notifications.notifications.values()].map((n) => n.title)).toEqual(['Quote approved']);
  });
});
