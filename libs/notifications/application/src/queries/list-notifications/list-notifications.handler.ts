import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotificationRepository } from '@qa/notifications-domain';
import { ListNotificationsQuery, type NotificationList } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute({ caller, unreadOnly, limit }: ListNotificationsQuery): Promise<NotificationList> {
    const [items, unread] = await Promise.all([this.notifications.listFor(caller.userId, { unreadOnly, limit }), this.notifications.countUnread(caller.userId)]);
    return { items, unread };
  }
}
