import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { PropertyChanged, type PropertyValue } from '@qa/workflows-contracts';

/** Who set a value and why: a user id or `workflow:<id>`, the run (if any), the record's owner (for the event). */
export interface PropertyChangeContext {
  by: string | null;
  runId: string | null;
  ownerId: string | null;
  /** How many changes the record's properties have had so far (the event's aggregate version is the next). */
  changesSoFar: number;
  now: Date;
}

/**
 * A value a workflow (or a person) set on a record, e.g. a quote's approval status. Its changes
 * are the events of the record's properties (`<recordType>-property` <recordId>, numbered across
 * all of the record's properties): recorded here, written to the outbox with the change.
 */
export class RecordProperty extends AggregateRoot {
  recordType!: string;
  recordId!: string;
  name!: string;
  value!: PropertyValue;
  updatedAt!: Date;
  /** user id, or `workflow:<id>` */
  updatedBy!: string | null;
  /** Not stored: the record's number of property changes when loaded (set by the store with each change). */
  version: number | undefined;

  /** The aggregate is the record's properties: events name the record. */
  get id(): string {
    return this.recordId;
  }

  protected get aggregateType(): string {
    return `${this.recordType}-property`;
  }

  /**
   * Sets `name` on a record: `existing` is its current row, if any. Returns the property (new or
   * changed) and the change for the history, recording PropertyChanged; null when it has that value already.
   */
  static set(
    record: { recordType: string; recordId: string; name: string },
    existing: RecordProperty | null,
    value: PropertyValue,
    context: PropertyChangeContext,
  ): { property: RecordProperty; change: RecordPropertyChange } | null {
    const previousValue = existing?.value ?? null;
    if (existing && previousValue === value) return null;
    const property = existing ?? Object.assign(new RecordProperty(), { recordType: record.recordType, recordId: record.recordId, name: record.name });
    Object.assign(property, { value, updatedAt: context.now, updatedBy: context.by, version: context.changesSoFar });
    const change = Object.assign(new RecordPropertyChange(), {
      id: uuidv7(),
      recordType: property.recordType,
      recordId: property.recordId,
      name: property.name,
      value,
      previousValue,
      changedAt: context.now,
      changedBy: context.by,
    });
    // An integration event too (property triggers, live updates), in the change's transaction.
    property.record(
      PropertyChanged,
      { recordType: property.recordType, recordId: property.recordId, property: property.name, value, previousValue, ownerId: context.ownerId, runId: context.runId },
      context.now,
    );
    return { property, change };
  }
}

/** Every change of a record property: the history shown on the record. */
export class RecordPropertyChange {
  id!: string;
  recordType!: string;
  recordId!: string;
  name!: string;
  value!: PropertyValue;
  previousValue!: PropertyValue;
  changedAt!: Date;
  changedBy!: string | null;
}
