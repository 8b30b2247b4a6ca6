import { Query } from '@nestjs/cqrs';
import type { QuoteApprovalRoute } from './quote-approval-route';
import type { QuoteStatus } from './quote-status';

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
export class GetQuoteSnapshotQuery extends Query<QuoteSnapshotView | null> {
  constructor(readonly quoteId: string) {
    super();
  }
}
