// The approval page's words for a decision: why the caller cannot decide the round shown (when the
// API says so), and what a refused decision means. Pure functions answering i18n keys, no Vue.
import type { ApprovalQuote, ApprovalRound } from './approvals-api';

/** An approver of the round, with whether their account is still active (a deactivated one can no longer decide). */
export type RoundApprover = { id: string; name: string; active: boolean };

/** The API's decision errors, by code, and the key of what the page says for each. */
const DECISION_ERRORS: Readonly<Record<string, string>> = {
  'APPROVALS.ALREADY_DECIDED': 'alreadyDecided',
  'APPROVALS.STALE_ROUND': 'staleRound',
  CONCURRENT_UPDATE: 'concurrent',
  'APPROVALS.OWN_QUOTE': 'ownQuote',
  'APPROVALS.NOT_AN_APPROVER': 'notApprover',
  'APPROVALS.SUBMITTER_CANNOT_DECIDE': 'submitter',
  'APPROVALS.APPROVER_NOT_ELIGIBLE': 'notEligible',
  'APPROVALS.ROUND_CLOSED': 'roundClosed',
};

export function decisionErrorKey(code: string | undefined): string {
  return `approval.errors.${DECISION_ERRORS[code ?? ''] ?? 'generic'}`;
}

/** Why this caller cannot decide the round (the first reason that applies), in the order people look for it. */
export function blockedReasonKey(round: ApprovalRound, quote: ApprovalQuote | null, meId: string, approvers: readonly RoundApprover[]): string {
  if (round.status !== 'pending') return `approval.cannotDecide.${round.status}`;
  if (quote && quote.ownerId === meId) return 'approval.cannotDecide.owner';
  if (round.submittedBy === meId) return 'approval.cannotDecide.submitter';
  // The step deciding now (0-based); decisions of rounds from before steps carry none: the first.
  const now = (round.route.currentStep ?? 1) - 1;
  const step = round.route.steps[now];
  const inStep = (index: number) => !!round.route.steps[index]?.groups.some((group) => group.approvers.some((approver) => approver.userId === meId));
  if (round.decisions.some((decision) => decision.approverId === meId && (decision.step ?? 0) === now)) return 'approval.cannotDecide.decided';
  if (!round.approverIds.includes(meId)) return 'approval.cannotDecide.notApprover';
  if (approvers.some((approver) => approver.id === meId && !approver.active)) return 'approval.cannotDecide.notEligible';
  if (step && !inStep(now)) {
    if (round.route.steps.some((_, index) => index > now && inStep(index))) return 'approval.cannotDecide.laterStep';
    return round.decisions.some((decision) => decision.approverId === meId) ? 'approval.cannotDecide.decided' : 'approval.cannotDecide.notNeeded';
  }
  const mine = step?.groups.filter((group) => group.approvers.some((approver) => approver.userId === meId)) ?? [];
  if (mine.length > 0 && mine.every((group) => group.state !== 'pending')) return 'approval.cannotDecide.notNeeded';
  if (quote && quote.status !== 'pending_approval') return 'approval.cannotDecide.quoteChanged';
  return 'approval.cannotDecide.notEligible';
}
