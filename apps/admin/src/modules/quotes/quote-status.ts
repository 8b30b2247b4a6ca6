// Quote statuses as the product names them (docs/product.md#quote-statuses), and what each allows in the UI.
// The rules mirror the API's life cycle; the API still decides (e.g. 409 QUOTES.NOT_EDITABLE).
import type { ApiSchemas } from '@qa/shared-api-client';
import type { MessageSchema } from '../../i18n/en';

export type QuoteStatus = ApiSchemas['QuoteStatus'];

/** In the order of the life cycle, as shown in the status filter. */
export const QUOTE_STATUSES: readonly QuoteStatus[] = [
  'draft',
  'pending_approval',
  'changes_requested',
  'approved',
  'published',
  'approval_not_needed',
  'signed',
  'expired',
];

type StatusKey = keyof MessageSchema['quoteStatus'];

const LABEL_KEYS: Record<QuoteStatus, `quoteStatus.${StatusKey}`> = {
  draft: 'quoteStatus.draft',
  pending_approval: 'quoteStatus.pendingApproval',
  changes_requested: 'quoteStatus.changesRequested',
  approved: 'quoteStatus.approved',
  published: 'quoteStatus.published',
  approval_not_needed: 'quoteStatus.approvalNotNeeded',
  signed: 'quoteStatus.signed',
  expired: 'quoteStatus.expired',
};

/** Whether a string (a workflow condition's value, a query parameter) is a quote status. */
export function isQuoteStatus(value: string): value is QuoteStatus {
  return (QUOTE_STATUSES as readonly string[]).includes(value);
}

/** The i18n key of a status's name ("Pending approval", "Wacht op goedkeuring"). */
export function statusLabelKey(status: QuoteStatus): `quoteStatus.${StatusKey}` {
  return LABEL_KEYS[status];
}

export type TagSeverity = 'secondary' | 'info' | 'warn' | 'success' | 'danger' | 'contrast';

const SEVERITIES: Record<QuoteStatus, TagSeverity> = {
  draft: 'secondary',
  pending_approval: 'warn',
  changes_requested: 'danger',
  approved: 'info',
  published: 'info',
  approval_not_needed: 'info',
  signed: 'success',
  expired: 'contrast',
};

export function statusSeverity(status: QuoteStatus): TagSeverity {
  return SEVERITIES[status];
}

/** Only Draft and Changes requested can be edited (the set-up flow). */
export function isEditable(status: QuoteStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

/** Recall takes an approved or live quote back to Draft. */
export function isRecallable(status: QuoteStatus): boolean {
  return status === 'approved' || status === 'published' || status === 'approval_not_needed';
}

/** Withdraw takes a quote waiting for approval back to Draft (its open round no longer counts). */
export function isWithdrawable(status: QuoteStatus): boolean {
  return status === 'pending_approval';
}

/** Statuses in which the buyer's page is open (the quote has a sharePath). */
export function mayHaveBuyerLink(status: QuoteStatus): boolean {
  return status === 'published' || status === 'approval_not_needed' || status === 'signed';
}

/**
 * Statuses with an approval round to point an approver to (Copy approval link): waiting for a
 * decision, or changes requested (the link then shows the latest round and its notes).
 */
export function hasApprovalRound(status: QuoteStatus): boolean {
  return status === 'pending_approval' || status === 'changes_requested';
}

/** The buyer can still accept and sign. */
export function isSignable(status: QuoteStatus): boolean {
  return status === 'published' || status === 'approval_not_needed';
}
