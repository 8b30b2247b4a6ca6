// @qa/crm-infrastructure: MikroORM mappings and the repository of the CRM context; demo data.
import { BigIntType, EntityManager, EntitySchema, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { CrmService } from '@qa/crm-application';
import { Company, Contact, CrmRepository, Deal } from '@qa/crm-domain';

export const CompanySchema = new EntitySchema<Company>({
  class: Company,
  tableName: 'crm_company',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 200, index: 'crm_company_name_index' },
    domain: { type: 'string', length: 200, nullable: true },
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
  listCompanies(search?: string) {
    return this.em.find(Company, search ? { name: like(search) } : {}, { orderBy: { name: 'asc' }, limit: 200 });
  }
  listContacts(filter: { companyId?: string; search?: string }) {
    const where: FilterQuery<Contact> = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.search) where.$or = [{ name: like(filter.search) }, { email: like(filter.search) }];
    return this.em.find(Contact, where, { orderBy: { name: 'asc' }, limit: 200 });
  }
  listDeals(filter: { companyId?: string; ownerId?: string; search?: string }) {
    const where: FilterQuery<Deal> = {};
    if (filter.companyId) where.companyId = filter.companyId;
    if (filter.ownerId) where.ownerId = filter.ownerId;
    if (filter.search) where.name = like(filter.search);
    return this.em.find(Deal, where, { orderBy: { name: 'asc' }, limit: 200 });
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
  if ((await crm.listCompanies()).length > 0) return false;
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
