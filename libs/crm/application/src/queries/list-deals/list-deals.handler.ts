import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CrmRepository, type Deal } from '@qa/crm-domain';
import { ListDealsQuery } from './list-deals.query';

@QueryHandler(ListDealsQuery)
export class ListDealsHandler implements IQueryHandler<ListDealsQuery> {
  constructor(private readonly crm: CrmRepository) {}

  execute({ filter, viewer }: ListDealsQuery): Promise<Deal[]> {
    return this.crm.listDeals({ ...filter, viewer });
  }
}
