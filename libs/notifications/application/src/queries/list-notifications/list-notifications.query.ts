import { Query } from '@nestjs/cqrs';
import type { Notification } from '@qa/notifications-domain';
import type { Caller } from '@qa/shared-kernel';

export interface NotificationList {
  /** Newest first. */
  items: Notification[];
  /** All the caller's unread notifications (the bell), whatever the list shows. */
  unread: number;
}

/** The caller's notifications (only unread ones when asked), with the unread count. */
export class ListNotificationsQuery extends Query<NotificationList> {
  constructor(
    readonly caller: Caller,
    readonly unreadOnly: boolean,
    readonly limit = 50,
  ) {
    super();
  }
}
