import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotificationPreferencesRepository, type NotificationPreferences } from '@qa/notifications-domain';
import { Clock } from '@qa/shared-kernel';
import { SaveNotificationPreferencesCommand } from './save-notification-preferences.command';

@CommandHandler(SaveNotificationPreferencesCommand)
export class SaveNotificationPreferencesHandler implements ICommandHandler<SaveNotificationPreferencesCommand, NotificationPreferences> {
  constructor(
    private readonly preferences: NotificationPreferencesRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, changes }: SaveNotificationPreferencesCommand): Promise<NotificationPreferences> {
    const preferences = await this.preferences.forUser(caller.userId);
    preferences.change(changes, this.clock.now());
    await this.preferences.save(preferences);
    return preferences;
  }
}
