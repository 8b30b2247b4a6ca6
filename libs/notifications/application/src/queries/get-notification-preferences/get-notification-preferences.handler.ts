import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotificationPreferencesRepository, type NotificationPreferences } from '@qa/notifications-domain';
import { GetNotificationPreferencesQuery } from './get-notification-preferences.query';

@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<GetNotificationPreferencesQuery, NotificationPreferences> {
  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  execute({ caller }: GetNotificationPreferencesQuery): Promise<NotificationPreferences> {
    return this.preferences.forUser(caller.userId);
  }
}
