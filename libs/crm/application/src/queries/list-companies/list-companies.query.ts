import { Query } from '@nestjs/cqrs';
import type { CrmViewer } from '@qa/crm-contracts';
import type { Company } from '@qa/crm-domain';

/** Companies for pickers, by name; with a viewer only those they may see (without: every one). */
export class ListCompaniesQuery extends Query<Company[]> {
  constructor(
    readonly search?: string,
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
