import { Command } from '@nestjs/cqrs';
import type { CrmViewer } from '@qa/crm-contracts';
import type { Contact } from '@qa/crm-domain';

/** Adds a contact; with a viewer, at a company they may see (else 422 CRM.UNKNOWN_REFERENCE, as for an unknown one). */
export class CreateContactCommand extends Command<Contact> {
  constructor(
    readonly props: { name: string; email: string; companyId: string | null; ownerId?: string | null },
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
