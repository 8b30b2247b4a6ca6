import { integrationEvent } from '@qa/shared-kernel';
import type { ApprovalLimits } from './approval-limits';
import type { ApprovalRoute } from './approval-route';

export interface ApprovalRequestPayload extends Record<string, unknown> {
  requestId: string;
  quoteId: string;
  round: number;
  ownerId: string;
  /** The approvers of the current step (opened, step started), or of the step decided. */
  approverIds: string[];
  /** The step (1 = first) the event is about. */
  step: number;
  /** How many steps the route has. */
  steps: number;
  notes: string | null;
  decidedBy: string | null;
}

/** `route`: the route the round opened with, as resolved at submit (absent from events recorded before the approval ledger). */
export interface ApprovalRequestOpenedPayload extends ApprovalRequestPayload {
  route?: ApprovalRoute;
}
export const ApprovalRequestOpened = integrationEvent<ApprovalRequestOpenedPayload>('approvals.request.opened.v1');
/** The previous step completed: the next one's approvers may now decide. */
export const ApprovalRequestStepStarted = integrationEvent<ApprovalRequestPayload>('approvals.request.step-started.v1');
/**
 * The round is approved. `limits`: the tightest bounds its approvers set (approve with limits),
 * within which the quote's owner may change the quote without a new round; null: none (events
 * recorded before limits existed have no `limits` at all: read them as null).
 */
export interface ApprovalRequestApprovedPayload extends ApprovalRequestPayload {
  limits: ApprovalLimits | null;
  /** A round approved as it opened (every step kept its approval): its route, as the opened event would have told it. */
  route?: ApprovalRoute;
}
export const ApprovalRequestApproved = integrationEvent<ApprovalRequestApprovedPayload>('approvals.request.approved.v1');
export const ApprovalRequestChangesRequested = integrationEvent<ApprovalRequestPayload>('approvals.request.changes-requested.v1');

export interface ApprovalSettingsChangedPayload extends Record<string, unknown> {
  requireApproval: boolean;
  defaultApproverId: string | null;
  /** Whether any approval (all quotes or a rule) can happen: the approval workflows are active then. */
  approvalsActive: boolean;
}

/** Saved from Settings → Quotes; the workflows context installs or deactivates the approval workflows. */
export const ApprovalSettingsChanged = integrationEvent<ApprovalSettingsChangedPayload>('approvals.settings.changed.v1');
