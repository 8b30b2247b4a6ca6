import {
  ApprovalRequestApproved,
  ApprovalRequestChangesRequested,
  ApprovalRequestEscalated,
  ApprovalRequestReminded,
  ApprovalRequestOpened,
  ApprovalRequestDelegated,
  ApprovalRequestReassigned,
  ApprovalRequestStepStarted,
  routeApprovers,
  stepApprovers,
  type ApprovalLimits,
  type ApprovalRequestPayload,
  type ApprovalRequestSummary,
  type ApprovalRoute,
  type ApproverState,
  type GroupState,
  type LimitFigures,
  type RouteGroup,
  type RouteTimeline,
  type StepActivity,
} from '@qa/approvals-contracts';
import { AggregateRoot, uuidv7 } from '@qa/shared-kernel';
import { ApprovalErrors } from './approval.errors';
import { NO_STAND_INS, type StandIns } from './delegation';
import { carriedDecisions, type PreviousRound } from './reapproval';
import { checkLimitsInput, checkLimitsMet, tightestLimits, type ApprovalLimitsInput } from './approval-limits';

export type RequestStatus = 'pending' | 'approved' | 'changes_requested' | 'cancelled';

export interface Decision {
  approverId: string;
  decision: 'approve' | 'request_changes';
  notes: string | null;
  at: string;
  /** The step (0-based) it was made at (absent: rounds of one step, before routes had steps). */
  step?: number;
  /** Decided by this person (`approverId`, a delegate or the fallback approver) in the place of `onBehalfOf`: counts as theirs. */
  onBehalfOf?: string;
  /** Kept from this earlier round on resubmission (none of the fields its rules watch changed); absent: made in this round. */
  carriedFromRound?: number;
  /** An approval with limits: the bounds this approver set (absent or null: none). */
  limits?: ApprovalLimits | null;
}

/** What a decision may carry besides its notes (one field per feature). */
export interface DecideOptions {
  /** Decided in the place of this approver of the current step, by their delegate (or the fallback approver) while their delegation holds: the caller checked that it does. */
  onBehalfOf?: string;
  /** Who stands in for which approver now (delegations): a step that starts asks them instead (its event's approverIds), and says so in the activity. */
  standIns?: StandIns;
  /** Approve with limits: the bounds within which the owner may change the approved quote without a new round. */
  limits?: ApprovalLimitsInput | null;
  /** With `limits`: the quote's figures now, which must already be within them. */
  quoteFigures?: LimitFigures;
}

/** The quote as it was submitted for this round, to show what changed since the last one. */
export interface QuoteSnapshot {
  title: string;
  currency: string;
  total: string;
  quoteDiscount: string | null;
  lines: Array<{ id: string; productName: string; quantity: number; unitPrice: string; discount: string | null; net: string; billingPeriod?: string }>;
  // Kept for smart re-approval (absent in rounds opened before): a change from absent counts as a change.
  expiresOn?: string;
  paymentTermsDays?: number;
  companyId?: string | null;
  dealId?: string | null;
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
    /**
     * Smart re-approval: the quote's previous round, and who may approve now (active managers and
     * admins). Groups whose approval it keeps (see reapproval.ts) start approved, marked "carried
     * over"; the round starts at the first step still to decide, and is approved at once when none is.
     */
    carryOver?: { previous: PreviousRound; eligibleApproverIds: ReadonlySet<string> };
    /** Who stands in now for approvers out of office (delegations): the first step asks them instead. */
    standIns?: StandIns;
    now?: Date;
  }): ApprovalRequest {
    const { now = new Date(), carryOver, standIns = NO_STAND_INS, ...rest } = props;
    const request: ApprovalRequest = Object.assign(new ApprovalRequest(), {
      id: uuidv7(now.getTime()),
      ...rest,
      approverIds: routeApprovers(props.route),
      currentStep: 0,
      status: 'pending' as const,
      decisions: carryOver ? carriedDecisions(carryOver.previous, props, carryOver.eligibleApproverIds) : [],
      activity: [],
      openedAt: now,
      decidedAt: null,
    });
    const open = props.route.steps.findIndex((step, i) => !step.groups.every((g) => request.groupState(i, g) === 'approved'));
    if (open === -1 && request.decisions.length > 0) {
      // Every step kept its approval: approved as if its last approver had just approved.
      request.currentStep = props.route.steps.length - 1;
      request.status = 'approved';
      request.decidedAt = now;
      request.record(ApprovalRequestApproved, { ...request.payload(null, null), limits: request.approvedLimits(), route: request.route }, now);
      return request;
    }
    request.currentStep = Math.max(open, 0);
    request.noteStandIns(standIns, now);
    request.record(ApprovalRequestOpened, { ...request.payload(null, null, standIns), route: request.route }, now);
    return request;
  }

  /** The approvers who decide now (the current step's); none once the round is over. */
  approversNow(): string[] {
    return this.status === 'pending' ? stepApprovers(this.route, this.currentStep) : [];
  }

  /** How a group of a step stands, from the decisions made at that step. */
  groupState(step: number, group: RouteGroup): GroupState {
    const decisions = this.decisions.filter((d) => (d.step ?? 0) === step && group.approverIds.includes(placeOf(d)));
    if (decisions.some((d) => d.decision === 'request_changes')) return 'changes_requested';
    const approved = new Set(decisions.map(placeOf));
    // Someone the step was escalated to decides for every group they were added to; an all-of
    // group otherwise waits for each of the approvers it had before.
    const escalated = this.escalatedTo(step);
    if ([...approved].some((id) => escalated.has(id))) return 'approved';
    if (group.mode === 'any' ? approved.size > 0 : group.approverIds.filter((id) => !escalated.has(id)).every((id) => approved.has(id))) return 'approved';
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
    return approver.eligible && this.status === 'pending' && approver.id !== this.ownerId && approver.id !== this.submittedBy && this.placeOpen(approver.id);
  }

  /** Whether this approver's place in the current step still waits for their decision (or their stand-in's). */
  placeOpen(approverId: string): boolean {
    return this.status === 'pending' && this.openGroupsOf(approverId).length > 0 && !this.decisions.some((d) => placeOf(d) === approverId && (d.step ?? 0) === this.currentStep);
  }

  /**
   * The place this person's decision would count for now: their own when it waits for them, else
   * the first of `actsFor` (approvers they stand in for now, as the caller found from the
   * delegations) whose place waits; null when none (or when they own or submitted the quote).
   */
  placeFor(approver: { id: string; eligible: boolean }, actsFor: readonly string[]): string | null {
    if (!approver.eligible || approver.id === this.ownerId || approver.id === this.submittedBy) return null;
    if (this.placeOpen(approver.id)) return approver.id;
    return actsFor.find((id) => id !== approver.id && this.placeOpen(id) && !this.sharesAllGroup(approver.id, id)) ?? null;
  }

  /** A stand-in who is in an all-of group with the approver would approve it twice: they decide only their own place there. */
  private sharesAllGroup(standIn: string, approverId: string): boolean {
    return this.openGroupsOf(approverId).some((g) => g.mode === 'all' && g.approverIds.includes(standIn));
  }

  /** Who a step (0-based) was escalated to. */
  private escalatedTo(step: number): Set<string> {
    return new Set(this.activity.flatMap((a) => (a.kind === 'escalated' && a.step === step && a.to ? [a.to] : [])));
  }

  /**
   * The current step waited too long: `to` (people who may approve, chosen by the caller from the
   * org) are added to each of its groups still waiting, beside their approvers, who can still
   * decide; an approval by one of them completes every group they were added to. `step` is the step
   * the timer was set for: false (nothing changes) when the round has moved on since. With nobody
   * to add, the activity says so (`reason` 'nobody').
   */
  escalate(step: number, to: string[], now = new Date()): boolean {
    if (this.status !== 'pending' || step !== this.currentStep) return false;
    const waiting = this.route.steps[step]!.groups.filter((g) => this.groupState(step, g) === 'pending');
    const added = [...new Set(to)].filter((id) => id !== this.ownerId && id !== this.submittedBy && waiting.some((g) => !g.approverIds.includes(id)));
    if (added.length === 0) {
      this.activity = [...this.activity, { kind: 'escalated', step, from: null, to: null, by: null, note: null, reason: 'nobody', at: now.toISOString() }];
      return true;
    }
    const widen = (g: RouteGroup): RouteGroup => (waiting.includes(g) ? { ...g, approverIds: [...g.approverIds, ...added.filter((id) => !g.approverIds.includes(id))] } : g);
    this.route = { ...this.route, steps: this.route.steps.map((s, i) => (i === step ? { ...s, groups: s.groups.map(widen) } : s)) };
    this.approverIds = routeApprovers(this.route);
    for (const id of added) {
      const activity: StepActivity = { kind: 'escalated', step, from: null, to: id, by: null, note: null, reason: 'no-decision', at: now.toISOString() };
      this.activity = [...this.activity, activity];
      this.record(ApprovalRequestEscalated, { ...this.payload(null, null), activity }, now);
    }
    return true;
  }

  /** The route with where each step, group and approver stands now. */
  timeline(): RouteTimeline {
    const steps = this.route.steps.map((step, i) => {
      const groups = step.groups.map(({ approverIds, ...group }) => {
        const state = this.groupState(i, { approverIds, ...group });
        const approvers = approverIds.map((userId) => {
          const decision = this.decisions.find((d) => placeOf(d) === userId && (d.step ?? 0) === i);
          const mine: ApproverState = decision ? (decision.decision === 'approve' ? 'approved' : 'changes_requested') : state === 'approved' ? 'not_needed' : state;
          return { userId, state: mine, at: decision?.at ?? null, notes: decision?.notes ?? null, carriedFromRound: decision?.carriedFromRound ?? null, ...(decision?.onBehalfOf ? { decidedBy: decision.approverId } : {}) };
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
  decide(approver: { id: string; eligible: boolean }, round: number, decision: Decision['decision'], notes: string | null, now = new Date(), options: DecideOptions = {}): void {
    // Who first, then the round's state: someone who may not decide learns nothing about it.
    const onBehalfOf = options.onBehalfOf && options.onBehalfOf !== approver.id ? options.onBehalfOf : null;
    if (onBehalfOf) this.checkStandIn(approver, onBehalfOf);
    else this.checkDecider(approver);
    // The place decided: the approver's own, or the one they stand in for.
    const approverId = onBehalfOf ?? approver.id;
    if (round !== this.round) throw ApprovalErrors.staleRound(round, this.round);
    if (this.status !== 'pending') throw ApprovalErrors.alreadyDecided(this.status);
    if (this.decisions.some((d) => placeOf(d) === approverId && (d.step ?? 0) === this.currentStep)) throw ApprovalErrors.alreadyDecided(this.status);
    if (onBehalfOf && this.sharesAllGroup(approver.id, onBehalfOf)) throw ApprovalErrors.standInSharesGroup();
    if (this.openGroupsOf(approverId).length === 0) {
      const later = this.route.steps.findIndex((s, i) => i > this.currentStep && s.groups.some((g) => g.approverIds.includes(approverId)));
      if (later >= 0) throw ApprovalErrors.notYourStep(later + 1, this.currentStep + 1);
      throw ApprovalErrors.alreadyDecided(this.status);
    }
    const cleanNotes = notes?.trim() || null;
    if (decision === 'request_changes' && !cleanNotes) throw ApprovalErrors.notesRequired();
    const limits = options.limits ? this.checkLimits(decision, options.limits, options.quoteFigures) : null;
    const step = this.currentStep;
    this.decisions = [...this.decisions, { approverId: approver.id, ...(onBehalfOf ? { onBehalfOf } : {}), decision, notes: cleanNotes, at: now.toISOString(), step, ...(limits ? { limits } : {}) }];
    if (decision === 'request_changes') {
      this.status = 'changes_requested';
      this.decidedAt = now;
      this.record(ApprovalRequestChangesRequested, this.payload(cleanNotes, approver.id), now);
      return;
    }
    const groups = this.route.steps[step]!.groups;
    if (!groups.every((g) => this.groupState(step, g) === 'approved')) return;
    if (step + 1 < this.route.steps.length) {
      this.currentStep = step + 1;
      this.noteStandIns(options.standIns ?? NO_STAND_INS, now);
      this.record(ApprovalRequestStepStarted, this.payload(null, approver.id, options.standIns), now);
      return;
    }
    this.status = 'approved';
    this.decidedAt = now;
    this.record(ApprovalRequestApproved, { ...this.payload(cleanNotes, approver.id), limits: this.approvedLimits() }, now);
  }

  /**
   * Approve with limits: the limits as the approver sent them, checked (422
   * APPROVALS.INVALID_LIMITS naming the field) and canonical, provided the quote as it is now
   * (`figures`) is already within them (else 422 APPROVALS.LIMITS_NOT_MET with the bounds it breaks).
   */
  private checkLimits(decision: Decision['decision'], input: ApprovalLimitsInput, figures: LimitFigures | undefined): ApprovalLimits {
    if (decision !== 'approve') throw ApprovalErrors.limitsOnlyWhenApproving();
    const limits = checkLimitsInput(input, this.snapshot.currency);
    if (!figures) throw new Error("Approving with limits needs the quote's figures now");
    checkLimitsMet(limits, figures);
    return limits;
  }

  /**
   * The limits the round's approvals set, tightest of all (lowest maximum discount, highest minimum
   * total). Null when an approval set none: that approver approved the quote exactly as it is, so
   * no change goes without a new round, whatever the others allowed.
   */
  approvedLimits(): ApprovalLimits | null {
    const approvals = this.decisions.filter((d) => d.decision === 'approve');
    if (approvals.some((d) => !d.limits)) return null;
    return tightestLimits(approvals.map((d) => d.limits!), this.snapshot.currency);
  }

  /**
   * Whether this person may decide in the place of `approverId` at all (the caller found that a
   * delegation of that approver holds for them now): never the quote's owner or whoever submitted
   * it, so no delegation leads to self-approval; still an active manager or admin.
   */
  checkStandIn(standIn: { id: string; eligible: boolean }, approverId: string): void {
    if (standIn.id === this.ownerId) throw ApprovalErrors.ownQuote();
    if (this.submittedBy !== null && standIn.id === this.submittedBy) throw ApprovalErrors.submitterCannotDecide();
    if (!this.approverIds.includes(approverId)) throw ApprovalErrors.notAnApprover();
    if (!standIn.eligible) throw ApprovalErrors.approverNotEligible();
  }

  /** The approvers to ask now: each whose place is open and who has a stand-in is replaced by them. */
  private toAsk(approverIds: string[], standIns: StandIns): string[] {
    return [...new Set(approverIds.map((id) => (this.placeOpen(id) && standIns.get(id)?.to) || id))];
  }

  /** The activity of the current step says who stands in for whom (once per approver and stand-in). */
  private noteStandIns(standIns: StandIns, now: Date): StepActivity[] {
    const added: StepActivity[] = [];
    for (const id of stepApprovers(this.route, this.currentStep)) {
      const standIn = standIns.get(id);
      if (!standIn || !this.placeOpen(id)) continue;
      const step = this.currentStep;
      if (this.activity.some((a) => a.kind === standIn.kind && a.step === step && a.from === id && a.to === standIn.to)) continue;
      const activity: StepActivity = { kind: standIn.kind, step, from: id, to: standIn.to, by: null, note: null, reason: standIn.reason, at: now.toISOString() };
      this.activity = [...this.activity, activity];
      added.push(activity);
    }
    return added;
  }

  /**
   * A delegation of `approverId` was made that holds now: when their place in the current step is
   * open, the step's activity says who stands in for them and the event asks that person (a task).
   * False when nothing changed (their place is not open, or it was said already).
   */
  delegateOpenStep(approverId: string, standIns: StandIns, now: Date): boolean {
    const standIn = standIns.get(approverId);
    if (!standIn || this.status !== 'pending') return false;
    const [activity] = this.noteStandIns(new Map([[approverId, standIn]]), now);
    if (!activity) return false;
    this.record(ApprovalRequestDelegated, { ...this.payload(null, null, standIns), activity }, now);
    return true;
  }

  /**
   * `from`'s place in the current step goes to `to` (with a note): by `from` themselves, or by an
   * admin for anyone. `to` (read now: `eligible`) must be an active manager or admin, not the
   * quote's owner or submitter, and not already in those groups. `round` is the round looked at.
   */
  reassign(by: { id: string; admin: boolean }, from: string, to: { id: string; eligible: boolean }, note: string | null, round: number, now: Date, standIns: StandIns = NO_STAND_INS): StepActivity {
    if (!by.admin && by.id !== from) throw ApprovalErrors.notYourPlace();
    if (round !== this.round) throw ApprovalErrors.staleRound(round, this.round);
    if (this.status !== 'pending') throw ApprovalErrors.alreadyDecided(this.status);
    const step = this.currentStep;
    if (!this.placeOpen(from)) {
      if (stepApprovers(this.route, step).includes(from)) throw ApprovalErrors.alreadyDecided(this.status);
      if (!by.admin) throw ApprovalErrors.notAnApprover();
      throw ApprovalErrors.notInCurrentStep(from, step + 1);
    }
    const cleanNote = note?.trim() || null;
    if (!cleanNote) throw ApprovalErrors.invalidReassignment('note', 'must not be empty');
    const groups = this.openGroupsOf(from);
    if (to.id === from) throw ApprovalErrors.invalidReassignment('to', 'is the approver whose place this is');
    if (to.id === this.ownerId) throw ApprovalErrors.invalidReassignment('to', 'owns the quote');
    if (to.id === this.submittedBy) throw ApprovalErrors.invalidReassignment('to', 'submitted the quote');
    if (!to.eligible) throw ApprovalErrors.invalidReassignment('to', 'must be an active manager or admin');
    if (groups.some((g) => g.approverIds.includes(to.id))) throw ApprovalErrors.invalidReassignment('to', 'is already an approver of this group');
    const moved = (g: RouteGroup): RouteGroup => (groups.includes(g) ? { ...g, approverIds: g.approverIds.map((id) => (id === from ? to.id : id)) } : g);
    this.route = { ...this.route, steps: this.route.steps.map((s, i) => (i === step ? { ...s, groups: s.groups.map(moved) } : s)) };
    this.approverIds = [...new Set([...this.approverIds, to.id])];
    const activity: StepActivity = { kind: 'reassigned', step, from, to: to.id, by: by.id, note: cleanNote, reason: null, at: now.toISOString() };
    this.activity = [...this.activity, activity];
    this.record(ApprovalRequestReassigned, { ...this.payload(null, null, standIns), activity }, now);
    return activity;
  }

  /** When the rep may remind the current step's approvers again (`cooldownHours` after their last reminder); null: now. */
  reminderRetryAt(cooldownHours: number): Date | null {
    const last = this.activity.filter((a) => a.kind === 'reminded' && a.step === this.currentStep && a.by !== null).at(-1);
    return last ? new Date(Date.parse(last.at) + cooldownHours * 3_600_000) : null;
  }

  /**
   * A reminder to the current step's approvers who have not decided yet (their stand-ins when out
   * of office): by the quote's owner or whoever submitted it (`byUserId`), at most once per step per
   * `cooldownHours`; null `byUserId`: the system (no limit). `round` is the round looked at.
   */
  remind(byUserId: string | null, round: number, now: Date, options: { cooldownHours?: number; standIns?: StandIns } = {}): StepActivity {
    if (byUserId !== null && byUserId !== this.ownerId && byUserId !== this.submittedBy) throw ApprovalErrors.notYoursToRemind();
    if (round !== this.round) throw ApprovalErrors.staleRound(round, this.round);
    if (this.status !== 'pending') throw ApprovalErrors.alreadyDecided(this.status);
    const retryAt = byUserId !== null && options.cooldownHours ? this.reminderRetryAt(options.cooldownHours) : null;
    if (retryAt && now.getTime() < retryAt.getTime()) throw ApprovalErrors.reminderTooSoon(retryAt.toISOString());
    const activity: StepActivity = { kind: 'reminded', step: this.currentStep, from: null, to: null, by: byUserId, note: null, reason: null, at: now.toISOString() };
    this.activity = [...this.activity, activity];
    const waiting = stepApprovers(this.route, this.currentStep).filter((id) => this.placeOpen(id));
    this.record(ApprovalRequestReminded, { ...this.payload(null, null), approverIds: this.toAsk(waiting, options.standIns ?? NO_STAND_INS), activity }, now);
    return activity;
  }

  /**
   * `userId` may no longer approve (`because`: deactivated, or no longer a manager or admin): they
   * leave each group of the current and later steps where their place is still open. A group left
   * with nobody goes to the fallback approver (`fallbackId`, found eligible by the caller; never the
   * owner or submitter), with a route note and a 'fallback' activity; with no fallback they stay,
   * the group noted unresolved (an admin reassigns their place). When the current step is complete
   * without them, the next step starts (or the round is approved). False: nothing changed.
   */
  removeApprover(userId: string, because: 'inactive' | 'not-approver', fallbackId: string | null, now: Date, standIns: StandIns = NO_STAND_INS): boolean {
    if (this.status !== 'pending') return false;
    const fallback = fallbackId && fallbackId !== userId && fallbackId !== this.ownerId && fallbackId !== this.submittedBy ? fallbackId : null;
    const added: StepActivity[] = [];
    const steps = this.route.steps.map((s, i) => {
      if (i < this.currentStep) return s;
      const groups = s.groups.map((g) => {
        if (!g.approverIds.includes(userId)) return g;
        if (i === this.currentStep && this.decisions.some((d) => placeOf(d) === userId && (d.step ?? 0) === i)) return g; // their decision stands
        if (g.approverIds.length > 1) {
          added.push({ kind: 'fallback', step: i, from: userId, to: null, by: null, note: null, reason: because, at: now.toISOString() });
          return { ...g, approverIds: g.approverIds.filter((id) => id !== userId) };
        }
        if (fallback) {
          added.push({ kind: 'fallback', step: i, from: userId, to: fallback, by: null, note: null, reason: because, at: now.toISOString() });
          return { ...g, approverIds: [fallback], notes: [...g.notes, { code: 'fallback' as const, because, to: fallback }] };
        }
        if (g.notes.some((n) => n.code === 'unresolved' && n.because === because)) return g; // said already
        added.push({ kind: 'fallback', step: i, from: userId, to: null, by: null, note: null, reason: because, at: now.toISOString() });
        return { ...g, notes: [...g.notes, { code: 'unresolved' as const, because }] };
      });
      return { ...s, groups };
    });
    if (!added.length) return false;
    this.route = { ...this.route, steps };
    this.approverIds = [...new Set([...this.approverIds, ...routeApprovers(this.route)])];
    this.activity = [...this.activity, ...added];
    // A step whose remaining groups have all approved is complete without them.
    while (this.route.steps[this.currentStep]!.groups.every((g) => this.groupState(this.currentStep, g) === 'approved')) {
      if (this.currentStep + 1 >= this.route.steps.length) {
        this.status = 'approved';
        this.decidedAt = now;
        this.record(ApprovalRequestApproved, { ...this.payload(null, null), limits: this.approvedLimits() }, now);
        return true;
      }
      this.currentStep += 1;
      this.noteStandIns(standIns, now);
      this.record(ApprovalRequestStepStarted, this.payload(null, null, standIns), now);
    }
    return true;
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

  /** `standIns`: the current step's approvers named are those to ask now (a stand-in in the place of an approver out of office whose place is open). */
  private payload(notes: string | null, decidedBy: string | null, standIns: StandIns = NO_STAND_INS): ApprovalRequestPayload {
    return {
      requestId: this.id,
      quoteId: this.quoteId,
      round: this.round,
      ownerId: this.ownerId,
      approverIds: this.toAsk(stepApprovers(this.route, this.currentStep), standIns),
      step: this.currentStep + 1,
      steps: this.route.steps.length,
      notes,
      decidedBy,
    };
  }
}

/** The approver whose place a decision counts for: the one a stand-in decided for, or the decider. */
const placeOf = (d: Decision): string => d.onBehalfOf ?? d.approverId;

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
