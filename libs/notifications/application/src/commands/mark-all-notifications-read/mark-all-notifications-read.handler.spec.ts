import { describe, expect, it } from 'vitest';
import { caller, MemoryNotifications, savedNotification } from '../../testing/in-memory-notifications';
import { MarkAllNotificationsReadCommand } from './mark-all-notifications-read.command';
import { MarkAllNotificationsReadHandler } from './mark-all-notifications-read.handler';

describe('MarkAllNotificationsReadHandler', () => {
  it('marks all the caller’s unread notifications read and counts them; others’ stay unread', async () => {
    const notifications = new MemoryNotifications();
    const mine = [await savedNotification(notifications), await savedNotification(notifications)];
    const theirs = await savedNotification(notifications, { recipientUserId: 'rep-2' });
    const handler = new MarkAllNotificationsReadHandler(notifications);
    expect(await handler.execute(new MarkAllNotificationsReadCommand(caller('rep-1')))).toBe(2);
    expect(mine.map((n) => n.readAt instanceof Date)).toEqual([true, true]);
    expect(theirs.readAt).toBeNull();
    expect(await handler.execute(new MarkAllNotificationsReadCommand(caller('rep-1')))).toBe(0);
  });
});
