import { Query } from '@nestjs/cqrs';

/** The facts of a quote that approval rules look at. */
export interface QuoteApprovalFacts {
  quoteId: string;
  ownerId: string;
  currency: string;
  totalMinor: number;
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  dealStage: string | null;
  /** Who submits (the owner, or an admin for them): never one of the approvers. */
  submittedBy?: string;
}

export interface ApprovalVerdict {
  required: boolean;
  approverIds: string[];
  mode: 'any' | 'all';
  /** Why, for people: e.g. "discount 25.00% > 20%". */
  reasons: string[];
  ruleName: string | null;
}

/** Does this quote need approval, from whom and why? Send it on the QueryBus; approvals answers. */
export class EvaluateQuoteApprovalQuery extends Query<ApprovalVerdict> {
  constructor(readonly facts: QuoteApprovalFacts) {
    super();
  }
}

/** A round as other contexts may know it: which version of the quote it reviews. */
export interface ApprovalRequestSummary {
  requestId: string;
  quoteId: string;
  quoteVersion: number;
  round: number;
  status: 'pending' | 'approved' | 'changes_requested' | 'cancelled';
}

/** Looks up a round by its request id; null when there is none. Send it on the QueryBus. */
export class FindApprovalRequestQuery extends Query<ApprovalRequestSummary | null> {
  constructor(readonly requestId: string) {
    super();
  }
}
