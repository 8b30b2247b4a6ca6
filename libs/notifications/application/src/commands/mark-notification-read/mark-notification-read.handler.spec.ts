import { describe, expect, it } from 'vitest';
import { caller, MemoryNotifications, savedNotification } from '../../testing/in-memory-notifications';
import { MarkNotificationReadCommand } from './mark-notification-read.command';
import { MarkNotificationReadHandler } from './mark-notification-read.handler';

describe('MarkNotificationReadHandler', () => {
  it('marks the recipient’s notification read, keeping the first moment', async () => {
    const notifications = new MemoryNotifications();
    const notification = await savedNotification(notifications);
    const handler = new MarkNotificationReadHandler(notifications);
    const read = await handler.execute(new MarkNotificationReadCommand(caller('rep-1'), notification.id));
    expect(read).toMatchObject({ id: notification.id, readAt: expect.any(Date), version: 2 });
    const firstRead = read.readAt;
    expect((await handler.execute(new MarkNotificationReadCommand(caller('rep-1'), notification.id))).readAt).toBe(firstRead);
  });

  it('answers not found to anyone else, even an admin', async () => {
    const notifications = new MemoryNotifications();
    const notification = await savedNotification(notifications);
    const handler = new MarkNotificationReadHandler(notifications);
    await expect(handler.execute(new MarkNotificationReadCommand(caller('admin-1', 'admin'), notification.id))).rejects.toMatchObject({ code: 'NOTIFICATIONS.NOT_FOUND', details: { id: notification.id } });
    await expect(handler.execute(new MarkNotificationReadCommand(caller('rep-1'), 'missing'))).rejects.toMatchObject({ code: 'NOTIFICATIONS.NOT_FOUND' });
    expect(notification.readAt).toBeNull();
  });
});
