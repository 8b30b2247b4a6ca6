import type { Notification } from './notification';

export abstract class NotificationRepository {
  abstract findById(id: string): Promise<Notification | null>;
  abstract findBySourceKey(sourceKey: string): Promise<Notification | null>;
  /** Newest first. */
  abstract listFor(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<Notification[]>;
  abstract countUnread(userId: string): Promise<number>;
  /** Marks every unread notification of the user read; answers how many. */
  abstract markAllRead(userId: string, now: Date): Promise<number>;
  abstract save(notification: Notification): Promise<void>;
}
