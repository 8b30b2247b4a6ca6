import { Query } from '@nestjs/cqrs';
import type { ApprovalRoute, RouteTimeline } from './approval-route';

/**
 * What a quote tells approval routing about itself (approvals adds its deal, company and owner).
 * Amounts are minor units of `currency`; percentages are basis points.
 */
export interface QuoteApprovalFacts {
  /** Null for a draft not saved yet (a dry evaluation). */
  quoteId: string | null;
  ownerId: string;
  currency: string;
  totalMinor: number;
  /** Every discount on the quote, lines and quote discount together. */
  discountMinor: number;
  effectiveDiscountBp: number;
  largestLineDiscountBp: number;
  lines: Array<{ productName: string; billingPeriod: string }>;
  paymentTermsDays: number | null;
  /** YYYY-MM-DD. */
  expiresOn: string | null;
  dealId: string | null;
  companyId: string | null;
  /** Who submits (the owner, or an admin for them): never one of the approvers. */
  submittedBy?: string;
}

/**
 * Whether a quote needs approval and its route. `required` with an incomplete route (a group
 * nobody can approve): the quote cannot be submitted until an admin fixes the policy.
 */
export interface ApprovalVerdict {
  required: boolean;
  route: ApprovalRoute | null;
  /** Every approver on the route, in order (empty when none is needed or none resolved). */
  approverIds: string[];
  /** Every group of every step has an approver. */
  complete: boolean;
}

/** Does this quote need approval, from whom and why? Send it on the QueryBus; approvals answers. */
export class EvaluateQuoteApprovalQuery extends Query<ApprovalVerdict> {
  constructor(readonly facts: QuoteApprovalFacts) {
    super();
  }
}

/** A route as a person previews it: the verdict, the route as a timeline (all waiting), and everyone it names with their names. */
export interface ApprovalRoutePreview {
  required: boolean;
  complete: boolean;
  approverIds: string[];
  route: RouteTimeline | null;
  /** Everyone the route names (approvers, and those it skipped), with their names now. */
  people: Array<{ id: string; name: string; active: boolean }>;
}

/** Would this quote (saved or not) need approval, by which route and why, with names? Send it on the QueryBus; approvals answers. */
export class PreviewApprovalRouteQuery extends Query<ApprovalRoutePreview> {
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
