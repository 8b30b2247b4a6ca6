import { Query } from '@nestjs/cqrs';
import type { ApprovalVerdict } from '@qa/approvals-contracts';
import type { Caller } from '@qa/shared-kernel';

export interface ApprovalPreview extends ApprovalVerdict {
  /** The approvers named, with their names. */
  approvers: Array<{ id: string; name: string }>;
}

/** While editing: will this quote need approval, from whom and why, if the caller submits it now? (Owner, managers, admins.) */
export class PreviewQuoteApprovalQuery extends Query<ApprovalPreview> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
