// @qa/crm-application: the CRM's few use cases. A thin context: one service, plus the handlers
// that answer other contexts through crm-contracts.
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { ChangeDealStageCommand, FindCrmRecordsQuery, type CrmRecords, type DealStage } from '@qa/crm-contracts';
import { Company, Contact, CrmErrors, CrmRepository, Deal } from '@qa/crm-domain';

@Injectable()
export class CrmService {
  constructor(private readonly crm: CrmRepository) {}

  listCompanies(search?: string) {
    return this.crm.listCompanies(search);
  }
  listContacts(filter: { companyId?: string; search?: string }) {
    return this.crm.listContacts(filter);
  }
  listDeals(filter: { companyId?: string; ownerId?: string; search?: string }) {
    return this.crm.listDeals(filter);
  }

  async createCompany(props: { name: string; domain?: string | null }): Promise<Company> {
    const company = Company.create(props);
    await this.crm.save(company);
    return company;
  }

  async createContact(props: { name: string; email: string; companyId: string | null }): Promise<Contact> {
    if (props.companyId) await this.requireCompany(props.companyId, 'companyId');
    const contact = Contact.create(props);
    await this.crm.save(contact);
    return contact;
  }

  async createDeal(props: { name: string; amountMinor: number; currency: string; ownerId: string; stage: DealStage; companyId: string | null }): Promise<Deal> {
    if (props.companyId) await this.requireCompany(props.companyId, 'companyId');
    const deal = Deal.create(props);
    await this.crm.save(deal);
    return deal;
  }

  async changeDealStage(dealId: string, stage: DealStage): Promise<Deal> {
    const [deal] = await this.crm.findDeals([dealId]);
    if (!deal) throw CrmErrors.notFound('deal', dealId);
    deal.changeStage(stage);
    await this.crm.save(deal);
    return deal;
  }

  private async requireCompany(id: string, field: string): Promise<void> {
    if ((await this.crm.findCompanies([id])).length === 0) throw CrmErrors.unknownReference(field, id);
  }
}

@QueryHandler(FindCrmRecordsQuery)
export class FindCrmRecordsHandler implements IQueryHandler<FindCrmRecordsQuery, CrmRecords> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ ids }: FindCrmRecordsQuery): Promise<CrmRecords> {
    const [companies, contacts, deals] = await Promise.all([
      ids.companyIds?.length ? this.crm.findCompanies(ids.companyIds) : [],
      ids.contactIds?.length ? this.crm.findContacts(ids.contactIds) : [],
      ids.dealIds?.length ? this.crm.findDeals(ids.dealIds) : [],
    ]);
    return {
      companies: companies.map(({ id, name }) => ({ id, name })),
      contacts: contacts.map(({ id, name, email, companyId }) => ({ id, name, email, companyId })),
      deals: deals.map(({ id, name, stage, ownerId, companyId }) => ({ id, name, stage, ownerId, companyId })),
    };
  }
}

@CommandHandler(ChangeDealStageCommand)
export class ChangeDealStageHandler implements ICommandHandler<ChangeDealStageCommand> {
  constructor(private readonly service: CrmService) {}

  async execute({ dealId, stage }: ChangeDealStageCommand): Promise<void> {
    await this.service.changeDealStage(dealId, stage);
  }
}

export const crmHandlers = [FindCrmRecordsHandler, ChangeDealStageHandler];
