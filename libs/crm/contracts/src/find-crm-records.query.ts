import { Query } from '@nestjs/cqrs';
import type { CrmRecords, CrmViewer } from './crm-records';

/**
 * Looks up CRM records by id (unknown ids are simply absent from the answer). With a viewer, the
 * records that viewer may not see are absent too (the same answer as for unknown ids). Send it on
 * the QueryBus; the CRM context answers.
 */
export class FindCrmRecordsQuery extends Query<CrmRecords> {
  constructor(
    readonly ids: { companyIds?: string[]; contactIds?: string[]; dealIds?: string[] },
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
