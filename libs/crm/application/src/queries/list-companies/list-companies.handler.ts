import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CrmRepository, type Company } from '@qa/crm-domain';
import { ListCompaniesQuery } from './list-companies.query';

@QueryHandler(ListCompaniesQuery)
export class ListCompaniesHandler implements IQueryHandler<ListCompaniesQuery> {
  constructor(private readonly crm: CrmRepository) {}

  execute({ search, viewer }: ListCompaniesQuery): Promise<Company[]> {
    return this.crm.listCompanies({ search, viewer });
  }
}
