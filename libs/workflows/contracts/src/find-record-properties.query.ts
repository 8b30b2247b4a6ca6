import { Query } from '@nestjs/cqrs';
import type { PropertyValue } from './property-changed';

/** The values set on a record (a quote's, e.g. `approval_status`), by property name; none set: {}. */
export type RecordPropertyValues = Record<string, PropertyValue>;

/**
 * What properties a record has now (for approval routing's `quoteProperty` condition). No caller:
 * the asking context decides who may see what. Send it on the QueryBus; workflows answers.
 */
export class FindRecordPropertiesQuery extends Query<RecordPropertyValues> {
  constructor(
    readonly recordType: string,
    readonly recordId: string,
  ) {
    super();
  }
}
