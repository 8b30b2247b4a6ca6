/**
 * Integration events: the only way contexts tell each other what happened. Named
 * `<context>.<aggregate>.<past-tense>.v<N>`; the payload type sits beside the name in the
 * publishing context's `contracts` library. A new payload shape is a new version.
 */
export type IntegrationEventName = `${string}.${string}.${string}.v${number}`;

export interface EventActor {
  type: 'user' | 'system' | 'workflow';
  id: string | null;
}

/** The envelope every integration event travels in (outbox row, BullMQ job, SSE message). */
export interface IntegrationEvent<P = Record<string, unknown>> {
  /** UUIDv7: sorts by time. */
  id: string;
  name: IntegrationEventName;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  /** The aggregate's version after the change. */
  aggregateVersion: number;
  actor: EventActor;
  /** Ties together everything one request or job caused. */
  correlationId: string;
  payload: P;
}

/** A typed handle on one event name and its payload, declared in a contracts library. */
export interface IntegrationEventType<P> {
  readonly name: IntegrationEventName;
  /** Type-level only: the payload this name carries. */
  readonly payloadType?: P;
}

export function integrationEvent<P>(name: IntegrationEventName): IntegrationEventType<P> {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/.test(name)) {
    throw new Error(`Integration event name "${name}" must be <context>.<aggregate>.<past-tense>.v<N>`);
  }
  return { name };
}

/** Narrows an envelope to the payload of a known event type. */
export function isEvent<P>(event: IntegrationEvent<unknown>, type: IntegrationEventType<P>): event is IntegrationEvent<P> {
  return event.name === type.name;
}
