// @qa/crm-application: the CRM's few use cases. A thin context: one service, plus the handlers
// that answer other contexts through crm-contracts.
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { ChangeDealStageCommand, FindCrmRecordsQuery, type CrmRecords, type CrmViewer, type DealStage } from '@qa/crm-contracts';
import { Company, Contact, CrmErrors, CrmRepository, CrmVisibility, Deal, seesAllCrmRecords } from '@qa/crm-domain';

@Injectable()
export class CrmService {
  constructor(private readonly crm: CrmRepository) {}

  /** Without a viewer (the system, seeds, tests): every record. */
  listCompanies(search?: string, viewer?: CrmViewer) {
    return this.crm.listCompanies({ search, viewer });
  }
  listContacts(filter: { companyId?: string; search?: string }, viewer?: CrmViewer) {
    return this.crm.listContacts({ ...filter, viewer });
  }
  listDeals(filter: { companyId?: string; ownerId?: string; search?: string }, viewer?: CrmViewer) {
    return this.crm.listDeals({ ...filter, viewer });
  }

  /** `ownerId`: who adds it (a rep's company is theirs); none: shared. */
  async createCompany(props: { name: string; domain?: string | null; ownerId?: string | null }): Promise<Company> {
    const company = Company.create(props);
    await this.crm.save(company);
    return company;
  }

  /** With a viewer, the company must be one they may see (else the same 422 as an unknown one). */
  async createContact(props: { name: string; email: string; companyId: string | null; ownerId?: string | null }, viewer?: CrmViewer): Promise<Contact> {
    if (props.companyId) await this.requireCompany(props.companyId, 'companyId', viewer);
    const contact = Contact.create(props);
    await this.crm.save(contact);
    return contact;
  }

  async createDeal(props: { name: string; amountMinor: number; currency: string; ownerId: string; stage: DealStage; companyId: string | null }, viewer?: CrmViewer): Promise<Deal> {
    if (props.companyId) await this.requireCompany(props.companyId, 'companyId', viewer);
    const deal = Deal.create(props);
    await this.crm.save(deal);
    return deal;
  }

  /** The records of these ids the viewer may see (all of them without a viewer). */
  async visibleRecords(ids: { companyIds?: string[]; contactIds?: string[]; dealIds?: string[] }, viewer?: CrmViewer): Promise<{ companies: Company[]; contacts: Contact[]; deals: Deal[] }> {
    const [companies, contacts, deals] = await Promise.all([
      ids.companyIds?.length ? this.crm.findCompanies(ids.companyIds) : [],
      ids.contactIds?.length ? this.crm.findContacts(ids.contactIds) : [],
      ids.dealIds?.length ? this.crm.findDeals(ids.dealIds) : [],
    ]);
    if (seesAllCrmRecords(viewer)) return { companies, contacts, deals };
    const ownDealCompanies = new Set(companies.length ? await this.crm.companiesOfDealsOwnedBy(viewer!.userId) : []);
    return {
      companies: companies.filter((c) => CrmVisibility.company(viewer, c, ownDealCompanies)),
      contacts: contacts.filter((c) => CrmVisibility.contact(viewer, c)),
      deals: deals.filter((d) => CrmVisibility.deal(viewer, d)),
    };
  }

  async changeDealStage(dealId: string, stage: DealStage): Promise<Deal> {
    const [deal] = await this.crm.findDeals([dealId]);
    if (!deal) throw CrmErrors.notFound('deal', dealId);
    deal.changeStage(stage);
    await this.crm.save(deal);
    return deal;
  }

  private async requireCompany(id: string, field: string, viewer?: CrmViewer): Promise<void> {
    if ((await this.visibleRecords({ companyIds: [id] }, viewer)).companies.length === 0) throw CrmErrors.unknownReference(field, id);
  }
}

@QueryHandler(FindCrmRecordsQuery)
export class FindCrmRecordsHandler implements IQueryHandler<FindCrmRecordsQuery, CrmRecords> {
  constructor(private readonly crm: CrmService) {}

  async execute({ ids, viewer }: FindCrmRecordsQuery): Promise<CrmRecords> {
    const { companies, contacts, deals } = await this.crm.visibleRecords(ids, viewer);
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
