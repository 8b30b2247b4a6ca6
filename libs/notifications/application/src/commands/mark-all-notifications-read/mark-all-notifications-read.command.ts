import { Command } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';

/** Marks all the caller's unread notifications as read; answers how many. */
export class MarkAllNotificationsReadCommand extends Command<number> {
  constructor(readonly caller: Caller) {
    super();
  }
}
