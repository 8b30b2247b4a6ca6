// @qa/crm-domain: companies, contacts and deals: the CRM records quotes refer to. Not a full CRM.
export * from './company';
export * from './contact';
export * from './deal';
export * from './crm.errors';
export * from './crm-visibility';
export * from './crm.repository';
