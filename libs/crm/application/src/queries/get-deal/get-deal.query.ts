import { Query } from '@nestjs/cqrs';
import type { Deal } from '@qa/crm-domain';

/** One deal by id; 404 CRM.DEAL_NOT_FOUND when there is none. */
export class GetDealQuery extends Query<Deal> {
  constructor(readonly dealId: string) {
    super();
  }
}
