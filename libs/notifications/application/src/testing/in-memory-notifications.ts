// In-memory notifications for the use cases' specs: the repository without a database, a mailer
// that keeps what it was asked to send, and callers.
import type { NewNotification } from '@qa/notifications-contracts';
import { Notification, NotificationPreferencesRepository, NotificationRepository, OutgoingEmailRepository, type NotificationPreferences, type OutgoingEmail } from '@qa/notifications-domain';
import type { Caller, Role } from '@qa/shared-kernel';
import { Mailer } from '../ports/notifications.ports';

export class MemoryNotifications extends NotificationRepository {
  notifications = new Map<string, Notification>();
  async findById(id: string) { return this.notifications.get(id) ?? null; }
  async findBySourceKey(sourceKey: string) { return [...this.notifications.values()].find((n) => n.sourceKey === sourceKey) ?? null; }
  async listFor(userId: string, { unreadOnly, limit }: { unreadOnly: boolean; limit: number }) {
    return this.of(userId)
      .filter((n) => !unreadOnly || !n.readAt)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .slice(0, limit);
  }
  async countUnread(userId: string) { return this.of(userId).filter((n) => !n.readAt).length; }
  async markAllRead(userId: string, now: Date) {
    const unread = this.of(userId).filter((n) => !n.readAt);
    unread.forEach((n) => n.markRead(now));
    return unread.length;
  }
  async save(notification: Notification) {
    notification.version = (notification.version ?? 0) + 1;
    this.notifications.set(notification.id, notification);
  }
  private of(userId: string) { return [...this.notifications.values()].filter((n) => n.recipientUserId === userId); }
}

export class RecordingMailer extends Mailer {
  readonly sent: Array<{ to: string; subject: string; text: string; html?: string }> = [];
  constructor(readonly enabled = true) { super(); }
  async send(message: { to: string; subject: string; text: string; html?: string }) { this.sent.push(message); }
}

export class MemoryOutgoingEmails extends OutgoingEmailRepository {
  emails = new Map<string, OutgoingEmail>();
  async findById(id: string) { return this.emails.get(id) ?? null; }
  async findBySourceKey(sourceKey: string) { return [...this.emails.values()].find((e) => e.sourceKey === sourceKey) ?? null; }
  async save(email: OutgoingEmail) {
    email.version = (email.version ?? 0) + 1;
    this.emails.set(email.id, email);
  }
}

export class MemoryNotificationPreferences extends NotificationPreferencesRepository {
  rows = new Map<string, NotificationPreferences>();
  async find(userId: string) { return this.rows.get(userId) ?? null; }
  async save(preferences: NotificationPreferences) {
    preferences.version = (preferences.version ?? 0) + 1;
    this.rows.set(preferences.userId, preferences);
  }
}

export const caller = (userId: string, role: Role = 'rep'): Caller => ({ userId, email: `${userId}@example.com`, name: userId, role, via: 'session' });

export const newNotification = (overrides: Partial<NewNotification> = {}): NewNotification => ({
  recipientUserId: 'rep-1',
  title: 'Quote approved',
  body: 'Your quote was approved',
  link: '/quotes/q1',
  sourceKey: null,
  ...overrides,
});

/** A notification saved as sent (events pulled). */
export async function savedNotification(notifications: MemoryNotifications, overrides: Partial<NewNotification> = {}): Promise<Notification> {
  const notification = Notification.create(newNotification(overrides));
  notification.pullEvents();
  await notifications.save(notification);
  return notification;
}
