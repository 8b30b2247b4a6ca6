import { Query } from '@nestjs/cqrs';
import type { ApprovalVerdict } from '@qa/approvals-contracts';
import type { Caller } from '@qa/shared-kernel';

export interface ApprovalPreview extends ApprovalVerdict {
  /** Everyone the route names (approvers, and those it skipped), with their names. */
  people: Array<{ id: string; name: string; active: boolean }>;
}

/** While editing: will this quote need approval, by which route and why, if the caller submits it now? (Owner, managers, admins.) */
export class PreviewQuoteApprovalQuery extends Query<ApprovalPreview> {
  constructor(
    readonly caller: Caller,
    readonly quoteId: string,
  ) {
    super();
  }
}
