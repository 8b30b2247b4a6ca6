import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CrmRepository, type Contact } from '@qa/crm-domain';
import { ListContactsQuery } from './list-contacts.query';

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(private readonly crm: CrmRepository) {}

  execute({ filter, viewer }: ListContactsQuery): Promise<Contact[]> {
    return this.crm.listContacts({ ...filter, viewer });
  }
}
