/**
 * Who must approve a submitted quote and why, fixed when it is submitted (in the submit's
 * transaction, stored with the quote): the round opens with exactly this route, whatever the
 * settings say by the time the worker opens it.
 */
export interface QuoteApprovalRoute {
  approverIds: string[];
  mode: 'any' | 'all';
  reasons: string[];
  ruleName: string | null;
  /** Who submitted (the owner, or an admin for them): never one of the approvers. */
  submittedBy: string;
}
