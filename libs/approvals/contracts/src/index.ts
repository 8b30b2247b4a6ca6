// @qa/approvals-contracts: what other contexts may know about approvals: the question quotes ask
// at submit, and the events of approval requests.
import { integrationEvent } from '@qa/shared-kernel';

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
export class EvaluateQuoteApprovalQuery {
  constructor(readonly facts: QuoteApprovalFacts) {}
}

/**
 * The quote left Pending approval (withdrawn): cancel its open round now, so nobody can decide it.
 * Send it on the CommandBus; approvals answers (a no-op when no round is open).
 */
export class CloseApprovalRoundCommand {
  constructor(readonly quoteId: string) {}
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
export class FindApprovalRequestQuery {
  constructor(readonly requestId: string) {}
}

export interface ApprovalRequestPayload extends Record<string, unknown> {
  requestId: string;
  quoteId: string;
  round: number;
  ownerId: string;
  approverIds: string[];
  notes: string | null;
  decidedBy: string | null;
}

export const ApprovalRequestOpened = integrationEvent<ApprovalRequestPayload>('approvals.request.opened.v1');
export const ApprovalRequestApproved = integrationEvent<ApprovalRequestPayload>('approvals.request.approved.v1');
export const ApprovalRequestChangesRequested = integrationEvent<ApprovalRequestPayload>('approvals.request.changes-requested.v1');

export interface ApprovalSettingsChangedPayload extends Record<string, unknown> {
  requireApproval: boolean;
  defaultApproverId: string | null;
  /** Whether any approval (all quotes or a rule) can happen: the approval workflows are active then. */
  approvalsActive: boolean;
}

/** Saved from Settings → Quotes; the workflows context installs or deactivates the approval workflows. */
export const ApprovalSettingsChanged = integrationEvent<ApprovalSettingsChangedPayload>('approvals.settings.changed.v1');
