import { Query } from '@nestjs/cqrs';
import type { ApprovalRoutePreview } from '@qa/approvals-contracts';
import type { QuoteDetails } from '@qa/quotes-domain';
import type { Caller } from '@qa/shared-kernel';

/**
 * While typing in the set-up flow: the route this draft (a new quote, or `quoteId`'s unsaved
 * edits) would get if submitted now, and why. Nothing is saved.
 */
export class PreviewQuoteRouteQuery extends Query<ApprovalRoutePreview> {
  constructor(
    readonly caller: Caller,
    readonly details: QuoteDetails,
    readonly quoteId: string | null,
  ) {
    super();
  }
}
