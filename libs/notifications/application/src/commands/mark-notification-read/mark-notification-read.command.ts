import { Command } from '@nestjs/cqrs';
import type { Notification } from '@qa/notifications-domain';
import type { Caller } from '@qa/shared-kernel';

/** Marks one of the caller's notifications as read (another user's: not found). */
export class MarkNotificationReadCommand extends Command<Notification> {
  constructor(
    readonly caller: Caller,
    readonly notificationId: string,
  ) {
    super();
  }
}
