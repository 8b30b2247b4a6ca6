import type { Quote } from '@qa/quotes-domain';

/**
 * Whether a submitted quote needs approval. The approvals context answers through its contract
 * (quotes-infrastructure's ApprovalsContractPolicy); with approval off, quotes go live at once.
 */
export abstract class ApprovalPolicy {
  abstract isApprovalRequired(quote: Quote): Promise<boolean>;
}

/** Renders the buyer's PDF of a quote. */
export abstract class QuotePdfRenderer {
  abstract render(quote: Quote, names: { recipients: string[] }): Promise<Buffer>;
}
