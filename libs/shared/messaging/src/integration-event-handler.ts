import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { IntegrationEvent, IntegrationEventName, IntegrationEventType } from '@qa/shared-kernel';

export const INTEGRATION_EVENTS_HANDLER = 'qa:integration-events-handler';

export interface HandlerSubscription {
  /** The subscribing context, e.g. `approvals`: its queue, its inbox rows. */
  subscriber: string;
  events: IntegrationEventName[];
}

/** What a handler gets besides the event: its transaction (the inbox row is in it too). */
export interface DeliveryContext {
  subscriber: string;
  /** 1 on the first delivery attempt. */
  attempt: number;
  /** The entity manager of this delivery's transaction. Repositories injecting the global
   *  EntityManager see the same transaction. */
  em: EntityManager;
}

/**
 * A context's reaction to integration events, in the style of @nestjs/cqrs event handlers.
 * Runs in the worker, in its own ORM context and transaction, once per event (the inbox row
 * `<eventId, subscriber>` is written in the same transaction), in the order the aggregate's events
 * happened. Throwing rolls everything back and the delivery is retried with back-off.
 */
export interface IntegrationEventHandler<P = Record<string, unknown>> {
  handle(event: IntegrationEvent<P>, delivery: DeliveryContext): Promise<void>;
}

/** Marks a provider as a handler of these events for this subscribing context. Name the class for
 *  the reaction: `OpenApprovalRequestWhenQuoteSubmittedHandler`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function IntegrationEventsHandler(subscriber: string, ...events: IntegrationEventType<any>[]): ClassDecorator {
  if (!/^[a-z][a-z0-9-]*$/.test(subscriber)) throw new Error(`Subscriber "${subscriber}" must be kebab case`);
  return applyDecorators(Injectable(), SetMetadata(INTEGRATION_EVENTS_HANDLER, { subscriber, events: events.map((e) => e.name) } satisfies HandlerSubscription));
}
