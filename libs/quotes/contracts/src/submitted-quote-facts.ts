import { Query } from '@nestjs/cqrs';
import type { BillingPeriod } from './quote-billing-period';

/**
 * What approval routing reads of a quote that was submitted (its content now), with when and by
 * whom it was last submitted and whether that submission needed approval: for the approval
 * policy's dry run.
 */
export interface SubmittedQuoteFacts {
  quoteId: string;
  number: string;
  ownerId: string;
  /** Who last submitted it (null when its history does not say). */
  submittedBy: string | null;
  /** ISO time of the last submission. */
  submittedAt: string;
  /** Whether the last submission went to Pending approval (false: approval was not needed). */
  neededApproval: boolean;
  currency: string;
  totalMinor: number;
  discountMinor: number;
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  lines: Array<{ productName: string; billingPeriod: BillingPeriod }>;
  paymentTermsDays: number;
  expiresOn: string;
  dealId: string | null;
  companyId: string | null;
}

export interface SubmittedQuoteFactsPage {
  quotes: SubmittedQuoteFacts[];
  /** Opaque: pass as `after` for the next page; null after the last. */
  next: string | null;
}

/** A page of the quotes ever submitted, last submitted first (keyset paged by `after`). */
export class ListSubmittedQuoteFactsQuery extends Query<SubmittedQuoteFactsPage> {
  constructor(
    readonly limit: number,
    readonly after: string | null = null,
  ) {
    super();
  }
}

/** How many quotes were ever submitted, counting up to `upTo` (null: all). */
export class CountSubmittedQuotesQuery extends Query<number> {
  constructor(readonly upTo: number | null) {
    super();
  }
}
