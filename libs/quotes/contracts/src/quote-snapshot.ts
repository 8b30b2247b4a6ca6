import { Query } from '@nestjs/cqrs';
import type { LimitFigures } from '@qa/approvals-contracts';
import type { QuoteApprovalRoute } from './quote-approval-route';
import type { BillingPeriod } from './quote-billing-period';
import type { QuoteLanguage } from './quote-language';
import type { QuoteStatus } from './quote-status';

/** A quote's content as other contexts may read it (approvals compares rounds). */
export interface QuoteSnapshotView {
  quoteId: string;
  /** The quote's number, e.g. Q-2026-0001. */
  number: string;
  version: number;
  status: QuoteStatus;
  ownerId: string;
  dealId: string | null;
  companyId: string | null;
  /** The company's name as the quote keeps it (null: no company). */
  companyName: string | null;
  title: string;
  currency: string;
  total: string;
  totalMinor: number;
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  /** Everything the buyer is given off, in minor units: the line discounts plus the quote discount (gross − total). */
  discountMinor: number;
  quoteDiscount: string | null;
  /** The YYYY-MM-DD date the quote expires at the end of (UTC). */
  expiresOn: string;
  /** Payment terms: the buyer pays within this many days (net days, 0–365). */
  paymentTermsDays: number;
  /** The language the quote is written in for its buyer. */
  language: QuoteLanguage;
  /** A recurring line's unit price and net are per billing period; the totals count one period. */
  lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string; discount: string | null; net: string; billingPeriod: BillingPeriod }>;
  /** The route fixed at submit while Pending approval; null otherwise (and for quotes submitted before routes were kept). */
  approvalRoute: QuoteApprovalRoute | null;
  /** What approval limits look at (its total and each discount as an exact share), to check an approval with limits. */
  limitFigures: LimitFigures;
}

/** Reads a quote's content; null when there is none. Send it on the QueryBus; quotes answers. */
export class GetQuoteSnapshotQuery extends Query<QuoteSnapshotView | null> {
  constructor(readonly quoteId: string) {
    super();
  }
}
