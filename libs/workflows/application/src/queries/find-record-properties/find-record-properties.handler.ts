import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindRecordPropertiesQuery, type RecordPropertyValues } from '@qa/workflows-contracts';
import { PropertyStore } from '../../ports/workflows.ports';

/** Answers other contexts (approval routing, through workflows-contracts) with a record's property values by name. */
@QueryHandler(FindRecordPropertiesQuery)
export class FindRecordPropertiesHandler implements IQueryHandler<FindRecordPropertiesQuery, RecordPropertyValues> {
  constructor(private readonly properties: PropertyStore) {}

  async execute({ recordType, recordId }: FindRecordPropertiesQuery): Promise<RecordPropertyValues> {
    return Object.fromEntries((await this.properties.properties(recordType, recordId)).map((p) => [p.name, p.value]));
  }
}
