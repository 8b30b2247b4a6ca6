import { integrationEvent } from '@qa/shared-kernel';
import type { ApprovalLimitsCheck } from './quote-approval-limits';
import type { QuoteStatus } from './quote-status';

/** Every quote event carries these, so subscribers need not load the quote. */
export interface QuoteEventPayload extends Record<string, unknown> {
  quoteId: string;
  number: string;
  title: string;
  ownerId: string;
  status: QuoteStatus;
  previousStatus: QuoteStatus | null;
  currency: string;
  /** Total in minor units. */
  totalMinor: number;
  /** Effective discount of the whole quote in basis points (1 % = 100). */
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  dealId: string | null;
  /** ISO date; the quote expires at the end of that day (UTC). */
  expiresOn: string;
  /** An edit of an approved quote with approval limits (quotes.quote.updated.v1 only): within them, or beyond (back to Draft). */
  approvalLimitsCheck?: ApprovalLimitsCheck;
}

export const QuoteCreated = integrationEvent<QuoteEventPayload>('quotes.quote.created.v1');
export const QuoteUpdated = integrationEvent<QuoteEventPayload>('quotes.quote.updated.v1');
export const QuoteSubmitted = integrationEvent<QuoteEventPayload>('quotes.quote.submitted.v1');
export const QuotePublished = integrationEvent<QuoteEventPayload>('quotes.quote.published.v1');
export const QuoteRecalled = integrationEvent<QuoteEventPayload>('quotes.quote.recalled.v1');
export const QuoteSigned = integrationEvent<QuoteEventPayload & { signerName: string; signerEmail: string }>('quotes.quote.signed.v1');
export const QuoteExpired = integrationEvent<QuoteEventPayload>('quotes.quote.expired.v1');
export const QuoteApproved = integrationEvent<QuoteEventPayload>('quotes.quote.approved.v1');
export const QuoteChangesRequested = integrationEvent<QuoteEventPayload & { notes: string }>('quotes.quote.changes-requested.v1');
/** Pending approval back to Draft by its owner (or an admin): the open round no longer counts. */
export const QuoteWithdrawn = integrationEvent<QuoteEventPayload>('quotes.quote.withdrawn.v1');
