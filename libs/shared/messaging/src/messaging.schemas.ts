import { EntitySchema } from '@mikro-orm/core';
import { InboxRecord, OutboxMessage } from './outbox-message';

export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  tableName: 'messaging_outbox',
  indexes: [
    { name: 'messaging_outbox_pending_index', properties: ['deliveredAt', 'nextPublishAt'] },
    { name: 'messaging_outbox_aggregate_index', properties: ['aggregateType', 'aggregateId', 'aggregateVersion'] },
  ],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 200 },
    aggregateType: { type: 'string', length: 100 },
    aggregateId: { type: 'string', length: 100 },
    aggregateVersion: { type: 'integer' },
    payload: { type: 'json' },
    occurredAt: { type: 'datetime' },
    actorType: { type: 'string', length: 16 },
    actorId: { type: 'string', length: 100, nullable: true },
    correlationId: { type: 'string', length: 100 },
    nextPublishAt: { type: 'datetime' },
    publishCount: { type: 'integer' },
    subscriberCount: { type: 'integer', nullable: true },
    deliveredAt: { type: 'datetime', nullable: true },
  },
});

export const InboxRecordSchema = new EntitySchema<InboxRecord>({
  class: InboxRecord,
  tableName: 'messaging_inbox',
  properties: {
    eventId: { type: 'string', primary: true, length: 36 },
    subscriber: { type: 'string', primary: true, length: 100 },
    processedAt: { type: 'datetime' },
    attempts: { type: 'integer' },
  },
});

export const messagingEntities = [OutboxMessageSchema, InboxRecordSchema];
