import { Query } from '@nestjs/cqrs';
import type { CrmViewer } from '@qa/crm-contracts';
import type { Contact } from '@qa/crm-domain';

/** Contacts for the recipients picker; with a viewer only those they may see (without: every one). */
export class ListContactsQuery extends Query<Contact[]> {
  constructor(
    readonly filter: { companyId?: string; search?: string },
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
