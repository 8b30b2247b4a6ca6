import { BigIntType, EntitySchema } from '@mikro-orm/core';
import { Company, Contact, Deal } from '@qa/crm-domain';

export const CompanySchema = new EntitySchema<Company>({
  class: Company,
  tableName: 'crm_company',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 200, index: 'crm_company_name_index' },
    domain: { type: 'string', length: 200, nullable: true },
    country: { type: 'string', length: 2, nullable: true },
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
