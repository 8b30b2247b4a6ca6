import type { IntegrationEvent, IntegrationEventName, IntegrationEventType } from './integration-event';

/** What a reaction learns about its delivery besides the event. */
export interface DeliveryInfo {
  /** The subscribing context, e.g. `approvals`. */
  subscriber: string;
  /** 1 on the first delivery attempt. */
  attempt: number;
}

/**
 * A context's reaction to another context's (or its own) integration events: plain application
 * code written against the event and the context's repositories. The messaging infrastructure
 * runs it in the worker inside one transaction with its inbox row, once per event, in the order
 * the aggregate's events happened; the repositories it injects take part in that transaction.
 * Throwing rolls everything back and the delivery is retried with back-off.
 */
export interface IntegrationEventHandler<P = Record<string, unknown>> {
  handle(event: IntegrationEvent<P>, delivery: DeliveryInfo): Promise<void>;
}

export interface HandlerSubscription {
  /** The subscribing context, e.g. `approvals`: its queue, its inbox rows. */
  subscriber: string;
  events: IntegrationEventName[];
}

const SUBSCRIPTION = Symbol.for('qa:integration-events-handler');

/**
 * Marks a class as this context's reaction to these events, in the style of @nestjs/cqrs
 * `@EventsHandler`. Name the class for the reaction: `OpenApprovalRoundWhenQuoteSubmittedHandler`.
 * Register it as a provider of the context's worker-side module.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function IntegrationEventsHandler(subscriber: string, ...events: IntegrationEventType<any>[]): ClassDecorator {
  if (!/^[a-z][a-z0-9-]*$/.test(subscriber)) throw new Error(`Subscriber "${subscriber}" must be kebab case`);
  const subscription: HandlerSubscription = { subscriber, events: events.map((e) => e.name) };
  return (target) => {
    Object.defineProperty(target, SUBSCRIPTION, { value: subscription, enumerable: false });
  };
}

/** The subscription a class was marked with, if any. */
export function integrationEventSubscription(type: unknown): HandlerSubscription | undefined {
  if (typeof type !== 'function') return undefined;
  return Object.prototype.hasOwnProperty.call(type, SUBSCRIPTION) ? (type as unknown as Record<symbol, HandlerSubscription>)[SUBSCRIPTION] : undefined;
}
