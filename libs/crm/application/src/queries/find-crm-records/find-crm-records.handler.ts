import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FindCrmRecordsQuery, type CrmRecords } from '@qa/crm-contracts';
import { CrmRepository } from '@qa/crm-domain';
import { findVisibleCrmRecords } from '../../shared/visible-crm-records';

/** Answers other contexts (through crm-contracts) with the records of these ids the viewer may see. */
@QueryHandler(FindCrmRecordsQuery)
export class FindCrmRecordsHandler implements IQueryHandler<FindCrmRecordsQuery, CrmRecords> {
  constructor(private readonly crm: CrmRepository) {}

  async execute({ ids, viewer }: FindCrmRecordsQuery): Promise<CrmRecords> {
    const { companies, contacts, deals } = await findVisibleCrmRecords(this.crm, ids, viewer);
    return {
      companies: companies.map(({ id, name, country, ownerId }) => ({ id, name, country: country ?? null, ownerId })),
      contacts: contacts.map(({ id, name, email, companyId }) => ({ id, name, email, companyId })),
      deals: deals.map(({ id, name, stage, ownerId, companyId, amountMinor, currency }) => ({ id, name, stage, ownerId, companyId, amountMinor, currency })),
    };
  }
}
