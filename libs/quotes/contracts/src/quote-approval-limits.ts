import type { ApprovalLimits, BrokenLimit } from '@qa/approvals-contracts';

/**
 * The limits of the approval an approved quote carries (approve with limits), with the currency
 * the quote had then (a minimum total means nothing in another currency). Never shown to the buyer.
 */
export interface QuoteApprovalLimits extends ApprovalLimits {
  currency: string;
}

/**
 * An edit of an approved quote with limits, checked against them: `changed-within-approved-limits`
 * (it stays approved, `broken` empty) or `approval-limits-exceeded` (back to Draft: it needs a new
 * submission; `broken` names each bound the edit went beyond).
 */
export interface ApprovalLimitsCheck {
  code: 'changed-within-approved-limits' | 'approval-limits-exceeded';
  broken: BrokenLimit[];
}
