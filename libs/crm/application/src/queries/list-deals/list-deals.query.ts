import { Query } from '@nestjs/cqrs';
import type { CrmViewer } from '@qa/crm-contracts';
import type { Deal } from '@qa/crm-domain';

/** Deals for the quote deal picker; with a viewer only those they may see (a rep: their own). */
export class ListDealsQuery extends Query<Deal[]> {
  constructor(
    readonly filter: { companyId?: string; ownerId?: string; search?: string },
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
