import type { ApprovalRoutePreview } from '@qa/approvals-contracts';
import type { QuoteApprovalRoute } from '@qa/quotes-contracts';
import type { Quote } from '@qa/quotes-domain';

/**
 * Whether a submitted quote needs approval, and from whom: the route, fixed at submit. The
 * approvals context answers through its contract (quotes-infrastructure's ApprovalsContractPolicy);
 * with approval off (null), quotes go live at once.
 */
export abstract class ApprovalPolicy {
  /** The route for this quote submitted by `submittedBy`: null when no approval is needed. */
  abstract routeFor(quote: Quote, submittedBy: string): Promise<QuoteApprovalRoute | null>;
  /** The route this quote would get, with names, as a preview (nothing is fixed). */
  abstract previewFor(quote: Quote, submittedBy: string): Promise<ApprovalRoutePreview>;
  /** The quote left Pending approval (withdrawn): its open round, if one is open already, is cancelled now. */
  abstract closeOpenRound(quoteId: string): Promise<void>;
}

/** Renders the buyer's PDF of a quote. */
export abstract class QuotePdfRenderer {
  abstract render(quote: Quote, names: { recipients: string[] }): Promise<Buffer>;
}
