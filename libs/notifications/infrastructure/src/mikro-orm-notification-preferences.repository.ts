import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { NotificationPreferences, NotificationPreferencesRepository } from '@qa/notifications-domain';
import { DomainError } from '@qa/shared-kernel';

@Injectable()
export class MikroOrmNotificationPreferencesRepository extends NotificationPreferencesRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  find(userId: string) {
    return this.em.findOne(NotificationPreferences, { userId });
  }
  async save(preferences: NotificationPreferences) {
    try {
      await this.em.persistAndFlush(preferences);
    } catch (error) {
      // A user's first save twice at the same moment: the second insert loses, like a stale write.
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('CONCURRENT_UPDATE', 'Someone changed this at the same moment; reload and try again', 'conflict');
      throw error;
    }
  }
}
