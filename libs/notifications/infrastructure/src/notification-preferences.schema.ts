import { EntitySchema } from '@mikro-orm/core';
import { NotificationPreferences } from '@qa/notifications-domain';

/** One row per user who changed their notification preferences (none: everything on). */
export const NotificationPreferencesSchema = new EntitySchema<NotificationPreferences>({
  class: NotificationPreferences,
  tableName: 'notifications_preference',
  properties: {
    userId: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    /** Per kind: { inApp, email } (kinds not kept are on). */
    choices: { type: 'json' },
    updatedAt: { type: 'datetime', nullable: true },
  },
});
