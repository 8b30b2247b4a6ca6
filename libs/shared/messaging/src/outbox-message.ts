import type { IntegrationEvent, IntegrationEventName, RecordedEvent } from '@qa/shared-kernel';
import { uuidv7 } from '@qa/shared-kernel';
import type { MessageContext } from './message-context';

/**
 * One integration event waiting in the outbox. Written in the same transaction as the change that
 * caused it; `deliveredAt` is set only when every subscriber has it in its inbox.
 */
export class OutboxMessage {
  id!: string;
  name!: IntegrationEventName;
  aggregateType!: string;
  aggregateId!: string;
  aggregateVersion!: number;
  payload!: Record<string, unknown>;
  occurredAt!: Date;
  actorType!: IntegrationEvent['actor']['type'];
  actorId!: string | null;
  correlationId!: string;
  /** When the relay may (re)publish it: now for a new row, later after each publish. */
  nextPublishAt!: Date;
  publishCount!: number;
  /** How many subscribers must acknowledge it (set when first published). */
  subscriberCount!: number | null;
  deliveredAt!: Date | null;

  static fromRecorded(event: RecordedEvent, context: MessageContext): OutboxMessage {
    const message = new OutboxMessage();
    message.id = uuidv7(event.occurredAt.getTime());
    message.name = event.name;
    message.aggregateType = event.aggregateType;
    message.aggregateId = event.aggregateId;
    message.aggregateVersion = event.aggregateVersion;
    message.payload = event.payload;
    message.occurredAt = event.occurredAt;
    message.actorType = context.actor.type;
    message.actorId = context.actor.id;
    message.correlationId = context.correlationId;
    // Machine time, as the relay reads it: an event whose domain time (the Clock) runs ahead is
    // still published at once.
    message.nextPublishAt = new Date();
    message.publishCount = 0;
    message.subscriberCount = null;
    message.deliveredAt = null;
    return message;
  }

  toEnvelope(): IntegrationEvent {
    return {
      id: this.id,
      name: this.name,
      occurredAt: new Date(this.occurredAt).toISOString(),
      aggregateType: this.aggregateType,
      aggregateId: this.aggregateId,
      aggregateVersion: this.aggregateVersion,
      actor: { type: this.actorType, id: this.actorId },
      correlationId: this.correlationId,
      payload: this.payload,
    };
  }
}

/** `<eventId, subscriber>`: written in the same transaction as the subscriber's effects. */
export class InboxRecord {
  eventId!: string;
  subscriber!: string;
  processedAt!: Date;
  /** The delivery attempt that succeeded (1 = first try). */
  attempts!: number;
}
