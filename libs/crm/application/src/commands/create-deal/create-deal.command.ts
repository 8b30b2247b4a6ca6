import { Command } from '@nestjs/cqrs';
import type { CrmViewer, DealStage } from '@qa/crm-contracts';
import type { Deal } from '@qa/crm-domain';

/** Adds a deal; with a viewer, at a company they may see (else 422 CRM.UNKNOWN_REFERENCE, as for an unknown one). */
export class CreateDealCommand extends Command<Deal> {
  constructor(
    readonly props: { name: string; amountMinor: number; currency: string; ownerId: string; stage: DealStage; companyId: string | null },
    readonly viewer?: CrmViewer,
  ) {
    super();
  }
}
