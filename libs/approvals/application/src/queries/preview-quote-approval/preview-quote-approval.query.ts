import { Query } from '@nestjs/cqrs';
import type { ApprovalRoutePreview } from '@qa/approvals-contracts';
import type { Caller } from '@qa/shared-kernel';

/** While editing: will this saved quote need approval, by which route and why, if the caller submits it now? (Owner, managers, admins.) */
export class PreviewQuoteApprovalQuery extends Query<ApprovalRoutePreview> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
