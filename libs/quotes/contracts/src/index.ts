// @qa/quotes-contracts: what other contexts may know about quotes: the statuses and the
// integration events with their payloads.
import { integrationEvent } from '@qa/shared-kernel';

export const QUOTE_STATUSES = [
  'draft',
  'pending_approval',
  'changes_requested',
  'approved',
  'published',
  'approval_not_needed',
  'signed',
  'expired',
] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

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

/** A quote's content as other contexts may read it (approvals compares rounds). */
export interface QuoteSnapshotView {
  quoteId: string;
  version: number;
  status: QuoteStatus;
  ownerId: string;
  dealId: string | null;
  title: string;
  currency: string;
  total: string;
  totalMinor: number;
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  quoteDiscount: string | null;
  lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string; discount: string | null; net: string }>;
  /** The route fixed at submit while Pending approval; null otherwise (and for quotes submitted before routes were kept). */
  approvalRoute: QuoteApprovalRoute | null;
}

/** Reads a quote's content; null when there is none. Send it on the QueryBus; quotes answers. */
export class GetQuoteSnapshotQuery {
  constructor(readonly quoteId: string) {}
}
