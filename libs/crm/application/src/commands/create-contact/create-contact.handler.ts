import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Contact, CrmRepository } from '@qa/crm-domain';
import { requireVisibleCompany } from '../../shared/visible-crm-records';
import { CreateContactCommand } from './create-contact.command';

@CommandHandler(CreateContactCommand)
export class CreateContactHandler implements ICommandHandler<CreateContactCommand> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ props, viewer }: CreateContactCommand): Promise<Contact> {
    if (props.companyId) await requireVisibleCompany(this.crm, props.companyId, 'companyId', viewer);
    const contact = Contact.create(props);
    await this.crm.save(contact);
    return contact;
  }
}
