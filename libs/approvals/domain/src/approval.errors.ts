import { DomainError } from '@qa/shared-kernel';
import type { RequestStatus } from './approval-request';

export const ApprovalErrors = {
  notFound: (id: string) => new DomainError('APPROVALS.NOT_FOUND', `No approval request for ${id}`, 'not-found', { id }),
  notAnApprover: () => new DomainError('APPROVALS.NOT_AN_APPROVER', 'You are not an approver of this round', 'forbidden'),
  ownQuote: () => new DomainError('APPROVALS.OWN_QUOTE', 'You cannot approve your own quote', 'forbidden'),
  submitterCannotDecide: () => new DomainError('APPROVALS.SUBMITTER_CANNOT_DECIDE', 'You submitted this round, so someone else must decide it', 'forbidden'),
  /** Checked at the moment of the decision: the approver was deactivated or is no longer a manager or admin. */
  approverNotEligible: () => new DomainError('APPROVALS.APPROVER_NOT_ELIGIBLE', 'Only active managers and admins may decide; your account may no longer approve', 'forbidden'),
  /** The quote is no longer Pending approval at the version this round reviews (withdrawn, expired, changed). */
  roundClosed: (round: number, quoteStatus: string | null) =>
    new DomainError('APPROVALS.ROUND_CLOSED', `Round ${round} no longer counts: the quote changed since it was submitted`, 'conflict', { round, quoteStatus }),
  alreadyDecided: (status: RequestStatus) => new DomainError('APPROVALS.ALREADY_DECIDED', `This round is already ${status.replace('_', ' ')}`, 'conflict', { status }),
  /** An approver of a later step: the current one must complete first. */
  notYourStep: (yourStep: number, currentStep: number) =>
    new DomainError('APPROVALS.NOT_YOUR_STEP_YET', `Step ${currentStep} must be approved before step ${yourStep}`, 'conflict', { yourStep, currentStep }),
  staleRound: (round: number, current: number) =>
    new DomainError('APPROVALS.STALE_ROUND', `Round ${round} is over; the quote is in round ${current}`, 'conflict', { round, currentRound: current }),
  staleSettings: (expected: number, current: number) =>
    new DomainError('APPROVALS.STALE_SETTINGS', 'The settings were changed meanwhile; reload them', 'conflict', { expectedVersion: expected, currentVersion: current }),
  notesRequired: () => new DomainError('APPROVALS.NOTES_REQUIRED', 'Write notes for the quote owner', 'invalid', { fields: [{ field: 'notes', reason: 'must not be empty' }] }),
};
