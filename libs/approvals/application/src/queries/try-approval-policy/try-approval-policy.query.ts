import { Query } from '@nestjs/cqrs';
import type { ApprovalRoutePreview } from '@qa/approvals-contracts';
import type { ApprovalPolicyState } from '@qa/approvals-domain';

/**
 * The policy editor's "try it on a quote": the route an existing quote would get under this
 * policy as edited (not saved), submitted by its owner. Admins. The policy is checked as a save
 * would check it.
 */
export class TryApprovalPolicyQuery extends Query<ApprovalRoutePreview> {
  constructor(
    readonly policy: ApprovalPolicyState,
    readonly quoteId: string,
  ) {
    super();
  }
}
