import { DomainError } from '@qa/shared-kernel';
import type { BrokenLimit } from '@qa/approvals-contracts';
import type { RequestStatus } from './approval-request';

export const ApprovalErrors = {
  notFound: (id: string) => new DomainError('APPROVALS.NOT_FOUND', `No approval request for ${id}`, 'not-found', { id }),
  // Delegation, reassignment, reminders (issue 15): who may, and what they may not do.
  /** A delegate (or fallback approver) may decide an approver's place only while the approver's delegation to them holds. */
  notAStandIn: (approverId: string) => new DomainError('APPROVALS.NOT_A_STAND_IN', 'You do not stand in for this approver now', 'forbidden', { approverId }),
  /** A stand-in in an all-of group with the approver decides only their own place there (else one person approves twice). */
  standInSharesGroup: () => new DomainError('APPROVALS.STAND_IN_SHARES_GROUP', 'You are in the same group as the approver you stand in for: decide your own place only', 'conflict'),
  /** Only the approver themselves (or an admin) reassigns their place. */
  notYourPlace: () => new DomainError('APPROVALS.NOT_YOUR_PLACE', 'Only the approver themselves or an admin may reassign this place', 'forbidden'),
  notInCurrentStep: (userId: string, currentStep: number) =>
    new DomainError('APPROVALS.NOT_IN_CURRENT_STEP', `This person has no open place in step ${currentStep}`, 'conflict', { userId, currentStep }),
  invalidReassignment: (field: 'note' | 'to', reason: string) => new DomainError('APPROVALS.INVALID_REASSIGNMENT', `${field} ${reason}`, 'invalid', { fields: [{ field, reason }] }),
  /** Only the quote's owner or whoever submitted it reminds its approvers. */
  notYoursToRemind: () => new DomainError('APPROVALS.NOT_YOURS_TO_REMIND', "Only the quote's owner or whoever submitted it may send a reminder", 'forbidden'),
  /** A reminder for this step was sent less than the cooldown ago: `retryAt` says when one may be sent again. */
  reminderTooSoon: (retryAt: string) => new DomainError('APPROVALS.REMINDER_TOO_SOON', `A reminder was sent recently; send another after ${retryAt}`, 'rate-limited', { reason: 'reminder-too-soon', retryAt }),
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
  /** Approve with limits: a bound that is not a number in range, or no bound at all (`fields`: `limits.maxDiscountPercent`, `limits.minTotal`, `limits`). */
  invalidLimits: (fields: Array<{ field: string; reason: string }>) =>
    new DomainError('APPROVALS.INVALID_LIMITS', fields.map((f) => `${f.field}: ${f.reason}`).join('; '), 'invalid', { fields }),
  /** Approve with limits: the quote is already beyond them (`broken`: each bound, the limit and the quote's value). */
  limitsNotMet: (broken: BrokenLimit[]) =>
    new DomainError('APPROVALS.LIMITS_NOT_MET', 'The quote is already beyond these limits; approve with limits it meets', 'invalid', { reason: 'limits-not-met', broken }),
  /** Limits come with an approval only. */
  limitsOnlyWhenApproving: () =>
    new DomainError('APPROVALS.INVALID_LIMITS', 'limits: only an approval sets limits', 'invalid', { fields: [{ field: 'limits', reason: 'only an approval sets limits' }] }),
  notesRequired: () => new DomainError('APPROVALS.NOTES_REQUIRED', 'Write notes for the quote owner', 'invalid', { fields: [{ field: 'notes', reason: 'must not be empty' }] }),
  // The links of approval e-mails. None says more than its code: a link is not a way to learn about a round.
  /** Not a link this app signed (altered, cut short, made up). */
  linkInvalid: () => new DomainError('APPROVALS.LINK_INVALID', 'This approval link is not valid', 'not-found'),
  /** Signed in as someone else than the approver the link was sent to. */
  linkNotYours: () => new DomainError('APPROVALS.LINK_NOT_YOURS', 'This approval link was sent to another approver; log in as them, or decide on the approval page', 'forbidden'),
  linkExpired: (expiredAt: string) => new DomainError('APPROVALS.LINK_EXPIRED', 'This approval link has expired; decide on the approval page', 'gone', { expiredAt }),
  /** Its e-mail's other button, or this one, already decided. */
  linkUsed: () => new DomainError('APPROVALS.LINK_USED', 'This approval link was already used', 'conflict'),
  /** The round or the step is over, or this approver already decided (on the approval page). */
  linkVoid: () => new DomainError('APPROVALS.LINK_VOID', 'This approval link no longer decides anything: the step was decided or the round is over', 'gone'),
};
