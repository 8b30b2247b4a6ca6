import { Command } from '@nestjs/cqrs';
import type { NotificationPreferenceChange, NotificationPreferences } from '@qa/notifications-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * Sets the caller's own preferences for the kinds given (the others keep theirs): nobody sets
 * anyone else's, an admin neither.
 */
export class SaveNotificationPreferencesCommand extends Command<NotificationPreferences> {
  constructor(
    readonly caller: Caller,
    readonly changes: NotificationPreferenceChange[],
  ) {
    super();
  }
}
