import { Query } from '@nestjs/cqrs';
import type { Caller } from '@qa/shared-kernel';
import type { RecordProperty, RecordPropertyChange } from '@qa/workflows-domain';

export interface RecordProperties {
  properties: RecordProperty[];
  history: RecordPropertyChange[];
}

/** A record's properties (e.g. approval status) and their history: reps see only their own records'. */
export class GetRecordPropertiesQuery extends Query<RecordProperties> {
  constructor(
    readonly caller: Caller,
    readonly recordType: string,
    readonly recordId: string,
  ) {
    super();
  }
}
