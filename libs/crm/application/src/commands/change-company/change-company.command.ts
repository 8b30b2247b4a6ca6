import { Command } from '@nestjs/cqrs';
import type { CrmViewer } from '@qa/crm-contracts';
import type { Company, CompanyChanges } from '@qa/crm-domain';

/** Changes a company's name, domain and country (fields left out stay). With a viewer, a company they may not see is unknown (404). */
export class ChangeCompanyCommand extends Command<Company> {
  constructor(
    readonly companyId: string,
    readonly changes: CompanyChanges,
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
