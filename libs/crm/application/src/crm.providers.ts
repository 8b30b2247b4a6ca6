import { ChangeCompanyHandler } from './commands/change-company/change-company.handler';
import { ChangeDealStageHandler } from './commands/change-deal-stage/change-deal-stage.handler';
import { CreateCompanyHandler } from './commands/create-company/create-company.handler';
import { CreateContactHandler } from './commands/create-contact/create-contact.handler';
import { CreateDealHandler } from './commands/create-deal/create-deal.handler';
import { FindCrmRecordsHandler } from './queries/find-crm-records/find-crm-records.handler';
import { GetDealHandler } from './queries/get-deal/get-deal.handler';
import { ListCompaniesHandler } from './queries/list-companies/list-companies.handler';
import { ListContactsHandler } from './queries/list-contacts/list-contacts.handler';
import { ListDealsHandler } from './queries/list-deals/list-deals.handler';

/** The CRM use cases, including the handlers that answer other contexts through crm-contracts. */
export const crmHandlers = [
  ListCompaniesHandler,
  ListContactsHandler,
  ListDealsHandler,
  GetDealHandler,
  FindCrmRecordsHandler,
  CreateCompanyHandler,
  ChangeCompanyHandler,
  CreateContactHandler,
  CreateDealHandler,
  ChangeDealStageHandler,
];
