import type { PropertyValue } from '@qa/workflows-contracts';

/** A value a workflow (or a person) set on a record, e.g. a quote's approval status. */
export class RecordProperty {
  recordType!: string;
  recordId!: string;
  name!: string;
  value!: PropertyValue;
  updatedAt!: Date;
  /** user id, or `workflow:<id>` */
  updatedBy!: string | null;
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
