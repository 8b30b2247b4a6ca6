/** A fact an aggregate recorded; the unit of work turns these into outbox rows when it flushes. */
export interface RecordedEvent {
  readonly name: string;
  readonly payload: Record<string, unknown>;
}

/**
 * Base for aggregates: they record what happened and carry a version for optimistic concurrency.
 * Recorded events stay on the aggregate until the unit of work pulls them.
 */
export abstract class AggregateRoot {
  private recordedEvents: RecordedEvent[] = [];

  protected record(event: RecordedEvent): void {
    this.recordedEvents.push(event);
  }

  /** Returns and forgets the events recorded since the last pull. */
  pullEvents(): RecordedEvent[] {
    const events = this.recordedEvents;
    this.recordedEvents = [];
    return events;
  }
}
