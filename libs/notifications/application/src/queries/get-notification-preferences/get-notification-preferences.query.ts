import { Query } from '@nestjs/cqrs';
import type { NotificationPreferences } from '@qa/notifications-domain';
import type { Caller } from '@qa/shared-kernel';

/** The caller's own notification preferences (everything on until they change it). */
export class GetNotificationPreferencesQuery extends Query<NotificationPreferences> {
  constructor(readonly caller: Caller) {
    super();
  }
}
