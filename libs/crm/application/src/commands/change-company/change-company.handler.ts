import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CrmErrors, CrmRepository, type Company } from '@qa/crm-domain';
import { findVisibleCrmRecords } from '../../shared/visible-crm-records';
import { ChangeCompanyCommand } from './change-company.command';

/**
 * Changes a company (the endpoint of managers and admins). Unknown, or not the viewer's to see:
 * CRM.COMPANY_NOT_FOUND. No version and no event: the last change wins.
 */
@CommandHandler(ChangeCompanyCommand)
export class ChangeCompanyHandler implements ICommandHandler<ChangeCompanyCommand> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ companyId, changes, viewer }: ChangeCompanyCommand): Promise<Company> {
    const [company] = (await findVisibleCrmRecords(this.crm, { companyIds: [companyId] }, viewer)).companies;
    if (!company) throw CrmErrors.notFound('company', companyId);
    company.change(changes);
    await this.crm.save(company);
    return company;
  }
}
