import { EntitySchema } from '@mikro-orm/core';
import { OutgoingEmail } from '@qa/notifications-domain';

export const OutgoingEmailSchema = new EntitySchema<OutgoingEmail>({
  class: OutgoingEmail,
  tableName: 'notifications_email',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    recipientUserId: { type: 'string', length: 36 },
    subject: { type: 'string', length: 300 },
    text: { type: 'text' },
    html: { type: 'text' },
    sourceKey: { type: 'string', length: 200, unique: 'notifications_email_source_key_unique' },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
});
