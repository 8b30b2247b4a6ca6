/** The latest facts the workflows context has about a record (from its events). */
export class RecordSnapshot {
  recordType!: string;
  recordId!: string;
  fields!: Record<string, unknown>;
  updatedAt!: Date;
}
