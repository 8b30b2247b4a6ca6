// @qa/crm-infrastructure: MikroORM mappings and the repository of the CRM context; demo data.
import { BigIntType, EntityManager, EntitySchema, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { CrmService } from '@qa/crm-application';
import type { CrmViewer } from '@qa/crm-contracts';
import { Company, Contact, CrmRepository, Deal, seesAllCrmRecords } from '@qa/crm-domain';

export const CompanySchema = new EntitySchema<Company>({
  class: Company,
  tableName: 'crm_company',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 200, index: 'crm_company_name_index' },
    domain: { type: 'string', length: 200, nullable: true },
    ownerId: { type: 'string', length: 36, nullable: true, index: 'crm_company_owner_id_index' },
    createdAt: { type: 'datetime' },
  },
});

export const ContactSchema = new EntitySchema<Contact>({
  class: Contact,
  tableName: 'crm_contact',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 200 },
    email: { type: 'string', length: 320 },
    companyId: { type: 'string', length: 36, nullable: true, index: 'crm_contact_company_id_index' },
    ownerId: { type: 'string', length: 36, nullable: true, index: 'crm_contact_owner_id_index' },
    createdAt: { type: 'datetime' },
  },
});

export const DealSchema = new EntitySchema<Deal>({
  class: Deal,
  tableName: 'crm_deal',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    version: { type: 'integer', version: true },
    name: { type: 'string', length: 200 },
    amountMinor: { type: new BigIntType('number') },
    currency: { type: 'string', length: 3 },
    ownerId: { type: 'string', length: 36, index: 'crm_deal_owner_id_index' },
    stage: { type: 'string', length: 40 },
    companyId: { type: 'string', length: 36, nullable: true, index: 'crm_deal_company_id_index' },
    createdAt: { type: 'datetime' },
  },
});

export const crmEntities = [CompanySchema, ContactSchema, DealSchema];

const like = (search?: string) => (search?.trim() ? { $ilike: `%${search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` } : undefined);

@Injectable()
export class MikroOrmCrmRepository extends CrmRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  async listCompanies(filter: { search?: string; viewer?: CrmViewer }) {
    const where: FilterQuery<Company> = filter.search ? { name: like(filter.search) } : {};
    if (!seesAllCrmRecords(filter.viewer)) {
      const userId = filter.viewer!.userId;
      where.$or = [{ ownerId: null }, { ownerId: userId }, { id: { $in: await this.companiesOfDealsOwnedBy(userId) } }];
    }
    return this.em.find(Company, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  listContacts(filter: { companyId?: string; search?: string; viewer?: CrmViewer }) {
    const where: FilterQuery<Contact> = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.search) where.$or = [{ name: like(filter.search) }, { email: like(filter.search) }];
    if (!seesAllCrmRecords(filter.viewer)) where.$and = [{ $or: [{ ownerId: null }, { ownerId: filter.viewer!.userId }] }];
    return this.em.find(Contact, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  listDeals(filter: { companyId?: string; ownerId?: string; search?: string; viewer?: CrmViewer }) {
    const where: FilterQuery<Deal> = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.ownerId) where.ownerId = filter.ownerId;
    if (filter.search) where.name = like(filter.search);
    if (!seesAllCrmRecords(filter.viewer)) where.$and = [{ ownerId: filter.viewer!.userId }];
    return this.em.find(Deal, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  async companiesOfDealsOwnedBy(userId: string) {
    const deals = await this.em.find(Deal, { ownerId: userId, companyId: { $ne: null } }, { fields: ['companyId'] });
    return [...new Set(deals.map((d) => d.companyId).filter((id): id is string => !!id))];
  }
  findCompanies(ids: string[]) {
    return this.em.find(Company, { id: { $in: ids } });
  }
  findContacts(ids: string[]) {
    return this.em.find(Contact, { id: { $in: ids } });
  }
  findDeals(ids: string[]) {
    return this.em.find(Deal, { id: { $in: ids } });
  }
  async save(record: Company | Contact | Deal) {
    await this.em.persistAndFlush(record);
  }
}

/** Demo companies, contacts and deals for the quick start; skipped when any company exists. */
export async function seedDemoCrm(crm: CrmService, owners: { rep: string; rep2: string }): Promise<boolean> {
  if ((await crm.listCompanies()).length > 0) return false; // demo companies and contacts are shared (no owner)
  const acme = await crm.createCompany({ name: 'Acme BV', domain: 'acme.example' });
  const globex = await crm.createCompany({ name: 'Globex NV', domain: 'globex.example' });
  const initech = await crm.createCompany({ name: 'Initech', domain: 'initech.example' });
  await crm.createContact({ name: 'Anna de Vries', email: 'anna@acme.example', companyId: acme.id });
  await crm.createContact({ name: 'Bram Jansen', email: 'bram@acme.example', companyId: acme.id });
  await crm.createContact({ name: 'Carla Smit', email: 'carla@globex.example', companyId: globex.id });
  await crm.createContact({ name: 'Peter Gibbons', email: 'peter@initech.example', companyId: initech.id });
  await crm.createDeal({ name: 'Acme website redesign', amountMinor: 2_400_000, currency: 'EUR', ownerId: owners.rep, stage: 'presentation_scheduled', companyId: acme.id });
  await crm.createDeal({ name: 'Acme support contract', amountMinor: 600_000, currency: 'EUR', ownerId: owners.rep, stage: 'qualified_to_buy', companyId: acme.id });
  await crm.createDeal({ name: 'Globex data platform', amountMinor: 9_500_000, currency: 'EUR', ownerId: owners.rep2, stage: 'decision_maker_bought_in', companyId: globex.id });
  await crm.createDeal({ name: 'Initech TPS reports', amountMinor: 150_000, currency: 'USD', ownerId: owners.rep2, stage: 'appointment_scheduled', companyId: initech.id });
  return true;
}
