import { describe, expect, it } from 'vitest';
import { caller, MemoryNotifications, savedNotification } from '../../testing/in-memory-notifications';
import { ListNotificationsHandler } from './list-notifications.handler';
import { ListNotificationsQuery } from './list-notifications.query';

describe('ListNotificationsHandler', () => {
  it('lists the caller’s notifications newest first, with the unread count of all of them', async () => {
    const notifications = new MemoryNotifications();
    const first = await savedNotification(notifications, { title: 'Quote approved' });
    first.createdAt = new Date('2026-11-26T10:00:00Z');
    first.markRead(new Date('2026-11-26T10:05:00Z'));
    const second = await savedNotification(notifications, { title: 'Task assigned' });
    second.createdAt = new Date('2026-11-26T11:00:00Z');
    await savedNotification(notifications, { recipientUserId: 'rep-2', title: 'Not mine' });
    const handler = new ListNotificationsHandler(notifications);
    const all = await handler.execute(new ListNotificationsQuery(caller('rep-1'), false));
    expect([all.items.map((n) => n.title), all.unread]).toEqual([['Task assigned', 'Quote approved'], 1]);
    const unread = await handler.execute(new ListNotificationsQuery(caller('rep-1'), true));
    expect([unread.items.map((n) => n.title), unread.unread]).toEqual([['Task assigned'], 1]);
    expect((await handler.execute(new ListNotificationsQuery(caller('rep-1'), false, 1))).items.map((n) => n.title)).toEqual(['Task assigned']);
    expect(await handler.execute(new ListNotificationsQuery(caller('rep-3'), false))).toEqual({ items: [], unread: 0 });
  });
});
