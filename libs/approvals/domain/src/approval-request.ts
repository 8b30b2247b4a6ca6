import {
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestOpened,
  ApprovalRequestStepStarted,
  routeApprovers,
  stepApprovers,
  type ApprovalRequestPayload,
  type ApprovalRequestSummary,
  type ApprovalRoute,
  type ApproverState,
  type GroupState,
  type RouteGroup,
  type RouteTimeline,
  type StepActivity,
} from '@qa/approvals-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';

export type RequestStatus = 'pending' | 'approved' | 'changes_requested' | 'cancelled';

export interface Decision {
  approverId: string;
  decision: 'approve' | 'request_changes';
  notes: string | null;
  at: string;
  /** The step (0-based) it was made at (absent: rounds of one step, before routes had steps). */
  step?: number;
}

/** The quote as it was submitted for this round, to show what changed since the last one. */
export interface QuoteSnapshot {
  title: string;
  currency: string;
  total: string;
  quoteDiscount: string | null;
  lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string; discount: string | null; net: string }>;
}

/** One round of review of one version of a quote, by its approvers. */
export class ApprovalRequest extends AggregateRoot {
  id!: string;
  version: number | undefined;
  quoteId!: string;
  quoteVersion!: number;
  round!: number;
  ownerId!: string;
  /** Who submitted this round (null for rounds opened before this was kept): never decides it. */
  submittedBy!: string | null;
  /** Everyone on the route (any step): who may see the round. */
  approverIds!: string[];
  /** Resolved at submit and frozen: steps of approver groups, the rules that matched and why. */
  route!: ApprovalRoute;
  /** The step (0-based) whose approvers decide now. */
  currentStep!: number;
  status!: RequestStatus;
  decisions!: Decision[];
  /** Delegations, reassignments, escalations, fallbacks and reminders of its steps, in order. */
  activity!: StepActivity[];
  snapshot!: QuoteSnapshot;
  openedAt!: Date;
  decidedAt!: Date | null;

  protected get aggregateType() {
    return 'approval-request';
  }

  static open(props: {
    quoteId: string;
    quoteVersion: number;
    round: number;
    ownerId: string;
    submittedBy: string | null;
    route: ApprovalRoute;
    snapshot: QuoteSnapshot;
    now?: Date;
  }): ApprovalRequest {
    const { now = new Date(), ...rest } = props;
    const request = Object.assign(new ApprovalRequest(), {
      id: uuidv7(now.getTime()),
      ...rest,
      approverIds: routeApprovers(props.route),
      currentStep: 0,
      status: 'pending' as const,
      decisions: [],
      activity: [],
      openedAt: now,
      decidedAt: null,
    });
    request.record(ApprovalRequestOpened, request.payload(null, null), now);
    return request;
  }

  /** The approvers who decide now (the current step's); none once the round is over. */
  approversNow(): string[] {
    return this.status === 'pending' ? stepApprovers(this.route, this.currentStep) : [];
  }

  /** How a group of a step stands, from the decisions made at that step. */
  groupState(step: number, group: RouteGroup): GroupState {
    const decisions = this.decisions.filter((d) => (d.step ?? 0) === step && group.approverIds.includes(d.approverId));
    if (decisions.some((d) => d.decision === 'request_changes')) return 'changes_requested';
    const approved = new Set(decisions.map((d) => d.approverId));
    if (group.mode === 'any' ? approved.size > 0 : group.approverIds.every((id) => approved.has(id))) return 'approved';
    if (step > this.currentStep) return this.status === 'pending' ? 'waiting' : 'cancelled';
    return this.status === 'pending' && step === this.currentStep ? 'pending' : 'cancelled';
  }

  /**
   * Whether this person may decide this round at all: not its owner, not whoever submitted it, one
   * of its approvers, and (`eligible`, read from identity at the moment of the decision) still an
   * active manager or admin. Says nothing about the round's state.
   */
  checkDecider(approver: { id: string; eligible: boolean }): void {
    if (approver.id === this.ownerId) throw ApprovalErrors.ownQuote();
    if (this.submittedBy !== null && approver.id === this.submittedBy) throw ApprovalErrors.submitterCannotDecide();
    if (!this.approverIds.includes(approver.id)) throw ApprovalErrors.notAnApprover();
    if (!approver.eligible) throw ApprovalErrors.approverNotEligible();
  }

  /** The groups of the current step this approver is in and that still wait for a decision. */
  private openGroupsOf(approverId: string): RouteGroup[] {
    const step = this.route.steps[this.currentStep];
    return (step?.groups ?? []).filter((g) => g.approverIds.includes(approverId) && this.groupState(this.currentStep, g) === 'pending');
  }

  /** Whether the quote (as read now) is still Pending approval at the version this round reviews. */
  reviews(quote: { status: string; version: number } | null): boolean {
    return !!quote && quote.status === 'pending_approval' && quote.version === this.quoteVersion;
  }

  /** No decision lands on a quote changed since this round opened (withdrawn, expired, edited). */
  checkReviews(quote: { status: string; version: number } | null): void {
    if (!this.reviews(quote)) throw ApprovalErrors.roundClosed(this.round, quote?.status ?? null);
  }

  /**
   * Whether this approver could approve or request changes now: the round is pending, they are one
   * of its approvers (`eligible`: still an active manager or admin), neither its owner nor whoever
   * submitted it, and have not decided yet.
   */
  awaitsDecisionFrom(approver: { id: string; eligible: boolean }): boolean {
    return (
      approver.eligible &&
      this.status === 'pending' &&
      approver.id !== this.ownerId &&
      approver.id !== this.submittedBy &&
      this.openGroupsOf(approver.id).length > 0 &&
      !this.decisions.some((d) => d.approverId === approver.id && d.step === this.currentStep)
    );
  }

  /** The route with where each step, group and approver stands now. */
  timeline(): RouteTimeline {
    const steps = this.route.steps.map((step, i) => {
      const groups = step.groups.map(({ approverIds, ...group }) => {
        const state = this.groupState(i, { approverIds, ...group });
        const approvers = approverIds.map((userId) => {
          const decision = this.decisions.find((d) => d.approverId === userId && (d.step ?? 0) === i);
          const mine: ApproverState = decision ? (decision.decision === 'approve' ? 'approved' : 'changes_requested') : state === 'approved' ? 'not_needed' : state;
          return { userId, state: mine, at: decision?.at ?? null, notes: decision?.notes ?? null };
        });
        return { ...group, state, approvers };
      });
      return { step: i + 1, state: stepState(groups.map((g) => g.state)), groups };
    });
    return { policyVersion: this.route.policyVersion, currentStep: this.status === 'pending' ? this.currentStep + 1 : null, rules: this.route.rules, steps };
  }

  /**
   * A decision of one approver of the current step (approve, or request changes); `round` is the
   * round they looked at. Changes requested at any step end the round. An approval completes each
   * of the step's groups it is in (any: this one suffices; all: once each has approved); when all
   * groups of the step are complete the next step starts, and after the last the round is approved.
   */
  decide(approver: { id: string; eligible: boolean }, round: number, decision: Decision['decision'], notes: string | null, now = new Date()): void {
    // Who first, then the round's state: someone who may not decide learns nothing about it.
    this.checkDecider(approver);
    const approverId = approver.id;
    if (round !== this.round) throw ApprovalErrors.staleRound(round, this.round);
    if (this.status !== 'pending') throw ApprovalErrors.alreadyDecided(this.status);
    if (this.decisions.some((d) => d.approverId === approverId && (d.step ?? 0) === this.currentStep)) throw ApprovalErrors.alreadyDecided(this.status);
    if (this.openGroupsOf(approverId).length === 0) {
      const later = this.route.steps.findIndex((s, i) => i > this.currentStep && s.groups.some((g) => g.approverIds.includes(approverId)));
      if (later >= 0) throw ApprovalErrors.notYourStep(later + 1, this.currentStep + 1);
      throw ApprovalErrors.alreadyDecided(this.status);
    }
    const cleanNotes = notes?.trim() || null;
    if (decision === 'request_changes' && !cleanNotes) throw ApprovalErrors.notesRequired();
    const step = this.currentStep;
    this.decisions = [...this.decisions, { approverId, decision, notes: cleanNotes, at: now.toISOString(), step }];
    if (decision === 'request_changes') {
      this.status = 'changes_requested';
      this.decidedAt = now;
      this.record(ApprovalRequestChangesRequested, this.payload(cleanNotes, approverId), now);
      return;
    }
    const groups = this.route.steps[step]!.groups;
    if (!groups.every((g) => this.groupState(step, g) === 'approved')) return;
    if (step + 1 < this.route.steps.length) {
      this.currentStep = step + 1;
      this.record(ApprovalRequestStepStarted, this.payload(null, approverId), now);
      return;
    }
    this.status = 'approved';
    this.decidedAt = now;
    this.record(ApprovalRequestApproved, this.payload(cleanNotes, approverId), now);
  }

  /** The quote was recalled or resubmitted: this round no longer counts. False when it was no longer pending. */
  cancel(now = new Date()): boolean {
    if (this.status !== 'pending') return false;
    this.status = 'cancelled';
    this.decidedAt = now;
    return true;
  }

  /** The round as other contexts may know it. */
  summary(): ApprovalRequestSummary {
    return { requestId: this.id, quoteId: this.quoteId, quoteVersion: this.quoteVersion, round: this.round, status: this.status };
  }

  private payload(notes: string | null, decidedBy: string | null): ApprovalRequestPayload {
    return {
      requestId: this.id,
      quoteId: this.quoteId,
      round: this.round,
      ownerId: this.ownerId,
      approverIds: stepApprovers(this.route, this.currentStep),
      step: this.currentStep + 1,
      steps: this.route.steps.length,
      notes,
      decidedBy,
    };
  }
}

/** A step's state from its groups': changes requested by one ends it; approved when all are. */
function stepState(states: GroupState[]): GroupState {
  if (states.includes('changes_requested')) return 'changes_requested';
  if (states.every((x) => x === 'approved')) return 'approved';
  for (const state of ['pending', 'waiting'] as const) if (states.includes(state)) return state;
  return 'cancelled';
}

export interface LineChange {
  kind: 'added' | 'removed' | 'changed';
  productName: string;
  /** For changed lines: field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
}

/** What changed between two rounds: line by line, and the quote-level fields (field → [before, after]). */
export interface SnapshotChanges {
  lines: LineChange[];
  quote: Record<string, [unknown, unknown]>;
}

/** What changed between two rounds, line by line (and the quote-level fields). */
export function diffSnapshots(before: QuoteSnapshot | null, after: QuoteSnapshot): SnapshotChanges {
  if (!before) return { lines: [], quote: {} };
  const quote: Record<string, [unknown, unknown]> = {};
  for (const key of ['title', 'currency', 'total', 'quoteDiscount'] as const) if (before[key] !== after[key]) quote[key] = [before[key], after[key]];
  const lines: LineChange[] = [];
  const previous = new Map(before.lines.map((l) => [l.id, l]));
  for (const line of after.lines) {
    const old = previous.get(line.id);
    if (!old) {
      lines.push({ kind: 'added', productName: line.productName, changes: {} });
      continue;
    }
    previous.delete(line.id);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const key of ['productName', 'quantity', 'unitPrice', 'discount', 'net'] as const) if (old[key] !== line[key]) changes[key] = [old[key], line[key]];
    if (Object.keys(changes).length) lines.push({ kind: 'changed', productName: line.productName, changes });
  }
  for (const removed of previous.values()) lines.push({ kind: 'removed', productName: removed.productName, changes: {} });
  return { lines, quote };
}
