// Who a round's current step asks now, and who an activity of it added: what the approval e-mail
// (with its buttons) and the in-app notifications of a step's changes are sent to.
import type { StepActivity } from '@qa/approvals-contracts';
import type { ApprovalRequest } from '@qa/approvals-domain';

/** A person asked to decide a place of the current step: their own (`onBehalfOf` null), or an approver's they stand in for. */
export interface AskedPerson {
  personId: string;
  onBehalfOf: string | null;
}

/**
 * The people the current step asks now: each of its approvers whose place still waits, or, when
 * the step's activity says someone stands in for them (a delegate, or the fallback approver when
 * no delegate may), that stand-in in their place. Nobody once the round is over.
 */
export function peopleAskedNow(request: ApprovalRequest): AskedPerson[] {
  const step = request.currentStep;
  const asked: AskedPerson[] = [];
  for (const approverId of new Set(request.approversNow())) {
    if (!request.placeOpen(approverId)) continue;
    const standIn = request.activity.filter((a) => (a.kind === 'delegated' || a.kind === 'fallback') && a.step === step && a.from === approverId && a.to).at(-1);
    asked.push(standIn?.to ? { personId: standIn.to, onBehalfOf: approverId } : { personId: approverId, onBehalfOf: null });
  }
  return asked;
}

/**
 * Whom a step's activity asks to decide, while the round still stands at that step and the place
 * still waits: escalated and reassigned, the person added (their own place); delegated, the
 * stand-in in the place of the approver out of office. Null otherwise (a reminder, nobody to
 * escalate to, a step over).
 */
export function personAddedBy(request: ApprovalRequest, activity: StepActivity): AskedPerson | null {
  if (!activity.to || request.status !== 'pending' || request.currentStep !== activity.step) return null;
  if (activity.kind === 'escalated' || activity.kind === 'reassigned') return request.placeOpen(activity.to) ? { personId: activity.to, onBehalfOf: null } : null;
  if ((activity.kind === 'delegated' || activity.kind === 'fallback') && activity.from) return request.placeOpen(activity.from) ? { personId: activity.to, onBehalfOf: activity.from } : null;
  return null;
}
