import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Notification, NotificationRepository } from '@qa/notifications-domain';

@Injectable()
export class MikroOrmNotificationRepository extends NotificationRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  findById(id: string) {
    return this.em.findOne(Notification, { id });
  }
  findBySourceKey(sourceKey: string) {
    return this.em.findOne(Notification, { sourceKey });
  }
  listFor(userId: string, options: { unreadOnly: boolean; limit: number }) {
    return this.em.find(Notification, { recipientUserId: userId, ...(options.unreadOnly ? { readAt: null } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: options.limit });
  }
  countUnread(userId: string) {
    return this.em.count(Notification, { recipientUserId: userId, readAt: null });
  }
  markAllRead(userId: string, now: Date) {
    return this.em.nativeUpdate(Notification, { recipientUserId: userId, readAt: null }, { readAt: now });
  }
  async save(notification: Notification) {
    await this.em.persistAndFlush(notification);
  }
}
