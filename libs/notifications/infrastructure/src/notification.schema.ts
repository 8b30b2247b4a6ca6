import { EntitySchema } from '@mikro-orm/core';
import { Notification } from '@qa/notifications-domain';
import { NotificationPreferencesSchema } from './notification-preferences.schema';
import { OutgoingEmailSchema } from './outgoing-email.schema';

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications_notification',
  indexes: [{ name: 'notifications_recipient_index', properties: ['recipientUserId', 'readAt', 'createdAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    recipientUserId: { type: 'string', length: 36 },
    title: { type: 'string', length: 300 },
    body: { type: 'text' },
    message: { type: 'json', nullable: true },
    link: { type: 'string', length: 500, nullable: true },
    sourceKey: { type: 'string', length: 200, nullable: true, unique: 'notifications_source_key_unique' },
    createdAt: { type: 'datetime' },
    readAt: { type: 'datetime', nullable: true },
    emailedAt: { type: 'datetime', nullable: true },
    emailCopy: { type: 'boolean', default: true },
  },
});

export const notificationsEntities = [NotificationSchema, OutgoingEmailSchema, NotificationPreferencesSchema];
