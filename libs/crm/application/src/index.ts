// @qa/crm-application: the CRM's few use cases, one folder each, including the handlers that
// answer other contexts through crm-contracts (FindCrmRecordsQuery, ChangeDealStageCommand).
export * from './queries/list-companies/list-companies.query';
export * from './queries/list-contacts/list-contacts.query';
export * from './queries/list-deals/list-deals.query';
export * from './queries/get-deal/get-deal.query';
export * from './commands/create-company/create-company.command';
export * from './commands/change-company/change-company.command';
export * from './commands/create-contact/create-contact.command';
export * from './commands/create-deal/create-deal.command';
export * from './crm.providers';
