// @qa/shared-messaging: the event backbone: transactional outbox, relay to BullMQ, inbox-guarded
// subscribers, queue names.
export * from './queue-names';
export * from './message-context';
export * from './outbox-message';
export * from './messaging.schemas';
export * from './outbox-flush.subscriber';
export * from './subscription-registry';
export * from './messaging-options';
export * from './outbox-relay';
export * from './event-delivery.workers';
export * from './messaging.module';
