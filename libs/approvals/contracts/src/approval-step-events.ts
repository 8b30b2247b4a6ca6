// Events of what happens to a step of an open round besides decisions (delegation, reassignment,
// a rep's reminder): each carries the round's payload, with `approverIds` the current step's
// approvers to ask now (a delegate in the place of an approver out of office), and the step's
// activity entry it is about.
import type { ApprovalRequestPayload } from './approval-events';
import type { StepActivity } from './approval-route';
import { integrationEvent } from '@qa/shared-kernel';

export interface ApprovalStepActivityPayload extends ApprovalRequestPayload {
  activity: StepActivity;
}

/** An approver of the current step is out of office: `activity.to` (their delegate, or the fallback approver) decides in their place. */
export const ApprovalRequestDelegated = integrationEvent<ApprovalStepActivityPayload>('approvals.request.delegated.v1');
/** An approver's place in the current step went to `activity.to` (by that approver or an admin, with a note). */
export const ApprovalRequestReassigned = integrationEvent<ApprovalStepActivityPayload>('approvals.request.reassigned.v1');
/** The current step's approvers who have not decided yet (`approverIds`) were reminded: by the quote's rep (`activity.by`), or by the step's timer (`activity.by` null). */
export const ApprovalRequestReminded = integrationEvent<ApprovalStepActivityPayload>('approvals.request.reminded.v1');
/**
 * The step waited longer than its rule allows: `activity.to` was added beside its approvers (one
 * event per person added); the original approvers can still decide.
 */
export const ApprovalRequestEscalated = integrationEvent<ApprovalStepActivityPayload>('approvals.request.escalated.v1');
