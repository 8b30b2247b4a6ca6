import type { IntegrationEventName, IntegrationEventType } from './integration-event';

/** A fact an aggregate recorded; the unit of work turns these into outbox rows when it flushes. */
export interface RecordedEvent {
  readonly name: IntegrationEventName;
  readonly payload: Record<string, unknown>;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly occurredAt: Date;
}

/**
 * Base for aggregates: they carry a version for optimistic concurrency and record what happened.
 * Recorded events stay on the aggregate until the unit of work pulls them into the outbox, in the
 * same transaction as the change itself.
 */
export abstract class AggregateRoot {
  abstract id: string;
  /**
   * Optimistic-concurrency version, kept by the persistence layer: it is 1 after the first insert
   * and goes up by one with each flush that changes the aggregate (a stale write is refused, 409).
   * Undefined on an aggregate that was never saved.
   */
  abstract version: number | undefined;
  /** e.g. `quote`. A getter, not a field: the ORM creates aggregates without their constructor. */
  protected abstract get aggregateType(): string;

  private recordedEvents?: RecordedEvent[];

  protected record<P extends Record<string, unknown>>(type: IntegrationEventType<P>, payload: P, occurredAt: Date = new Date()): void {
    (this.recordedEvents ??= []).push({
      name: type.name,
      payload,
      aggregateType: this.aggregateType,
      aggregateId: this.id,
      // The version this change will have once flushed.
      aggregateVersion: (this.version ?? 0) + 1,
      occurredAt,
    });
  }

  /** Returns and forgets the events recorded since the last pull. */
  pullEvents(): RecordedEvent[] {
    const events = this.recordedEvents ?? [];
    this.recordedEvents = [];
    return events;
  }
}
