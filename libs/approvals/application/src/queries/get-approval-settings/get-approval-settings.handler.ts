import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApprovalSettings } from '@qa/approvals-domain';
import { ApprovalSettingsRepository } from '../../ports/approvals.ports';
import { GetApprovalSettingsQuery } from './get-approval-settings.query';

@QueryHandler(GetApprovalSettingsQuery)
export class GetApprovalSettingsHandler implements IQueryHandler<GetApprovalSettingsQuery> {
  constructor(private readonly settings: ApprovalSettingsRepository) {}

  execute(): Promise<ApprovalSettings> {
    return this.settings.get();
  }
}
