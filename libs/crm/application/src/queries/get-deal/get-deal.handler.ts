import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CrmErrors, CrmRepository, type Deal } from '@qa/crm-domain';
import { GetDealQuery } from './get-deal.query';

@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ dealId }: GetDealQuery): Promise<Deal> {
    const [deal] = await this.crm.findDeals([dealId]);
    if (!deal) throw CrmErrors.notFound('deal', dealId);
    return deal;
  }
}
