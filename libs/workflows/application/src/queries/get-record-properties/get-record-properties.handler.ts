import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@qa/shared-kernel';
import { PropertyStore } from '../../ports/workflows.ports';
import { GetRecordPropertiesQuery, type RecordProperties } from './get-record-properties.query';

@QueryHandler(GetRecordPropertiesQuery)
export class GetRecordPropertiesHandler implements IQueryHandler<GetRecordPropertiesQuery> {
  constructor(private readonly properties: PropertyStore) {}

  async execute({ caller, recordType, recordId }: GetRecordPropertiesQuery): Promise<RecordProperties> {
    const snapshot = await this.properties.snapshot(recordType, recordId);
    if (caller.role === 'rep' && snapshot['ownerId'] !== caller.userId) throw new DomainError('WORKFLOWS.RECORD_NOT_FOUND', `No ${recordType} ${recordId}`, 'not-found');
    return { properties: await this.properties.properties(recordType, recordId), history: await this.properties.history(recordType, recordId) };
  }
}
