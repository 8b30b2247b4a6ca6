import type { ApprovalRoute } from '@qa/approvals-contracts';

/**
 * Who must approve a submitted quote and why, fixed when it is submitted (in the submit's
 * transaction, stored with the quote): the round opens with exactly this route, whatever the
 * policy says by the time the worker opens it. Approvals resolves it; quotes only keeps it.
 */
export interface QuoteApprovalRoute extends ApprovalRoute {
  /** Who submitted (the owner, or an admin for them): never one of the approvers. */
  submittedBy: string;
}
