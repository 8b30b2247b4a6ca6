import type { CrmViewer } from '@qa/crm-contracts';
import type { Company } from './company';
import type { Contact } from './contact';
import type { Deal } from './deal';

/** Persistence port of the CRM context. With a viewer, lists hold only what that viewer may see (CrmVisibility). */
export abstract class CrmRepository {
  abstract listCompanies(filter: { search?: string; viewer?: CrmViewer }): Promise<Company[]>;
  abstract listContacts(filter: { companyId?: string; search?: string; viewer?: CrmViewer }): Promise<Contact[]>;
  abstract listDeals(filter: { companyId?: string; ownerId?: string; search?: string; viewer?: CrmViewer }): Promise<Deal[]>;
  /** The companies of the deals this user owns. */
  abstract companiesOfDealsOwnedBy(userId: string): Promise<string[]>;
  abstract findCompanies(ids: string[]): Promise<Company[]>;
  abstract findContacts(ids: string[]): Promise<Contact[]>;
  abstract findDeals(ids: string[]): Promise<Deal[]>;
  abstract save(record: Company | Contact | Deal): Promise<void>;
}
