import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Company, CrmRepository } from '@qa/crm-domain';
import { CreateCompanyCommand } from './create-company.command';

@CommandHandler(CreateCompanyCommand)
export class CreateCompanyHandler implements ICommandHandler<CreateCompanyCommand> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ props }: CreateCompanyCommand): Promise<Company> {
    const company = Company.create(props);
    await this.crm.save(company);
    return company;
  }
}
