import { Query } from '@nestjs/cqrs';
import type { ApprovalSettings } from '@qa/approvals-domain';

/** Settings → Quotes: require approval, the approver, the rules (the initial ones before the first save). */
export class GetApprovalSettingsQuery extends Query<ApprovalSettings> {
  constructor() {
    super();
  }
}
