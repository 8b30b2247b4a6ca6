// Reminders and escalations of a step that waits: a timer per step and kind, due a number of
// business hours after the step started (its rule's `escalation`). The row is the truth: a delayed
// job on the queue fires it, and a sweep queues it again should the job be lost, but it acts once
// (scheduled → fired), and only while the round still stands at that step.
import { uuidv7 } from '@qa/shared-kernel';
import type { ApprovalRequest } from './approval-request';
import type { PolicyRule, RuleEscalation } from './policy/approval-policy';
import { addBusinessHours, type BusinessHours } from './policy/business-hours';
import type { OrgDirectory } from './policy/route-resolution';

export type TimerKind = 'remind' | 'escalate';
export type TimerState = 'scheduled' | 'fired' | 'cancelled';

export class ApprovalTimer {
  id!: string;
  version: number | undefined;
  requestId!: string;
  round!: number;
  /** The step (0-based) it was set for. */
  step!: number;
  kind!: TimerKind;
  /** Escalate: to whom (frozen when the step started). Null for reminders. */
  escalateTo!: RuleEscalation['escalateTo'] | null;
  dueAt!: Date;
  state!: TimerState;
  /** When it fired or was cancelled. */
  endedAt!: Date | null;
  createdAt!: Date;

  static schedule(props: { requestId: string; round: number; step: number; kind: TimerKind; escalateTo: RuleEscalation['escalateTo'] | null; dueAt: Date; now: Date }): ApprovalTimer {
    const { now, ...rest } = props;
    return Object.assign(new ApprovalTimer(), { id: uuidv7(now.getTime()), ...rest, state: 'scheduled' as const, endedAt: null, createdAt: now });
  }

  /** Whether it may fire now: still scheduled and its time has come. */
  isDue(now: Date): boolean {
    return this.state === 'scheduled' && now.getTime() >= new Date(this.dueAt).getTime();
  }

  /** Whether the round still stands at the step it was set for (else it has nothing left to do). */
  stillApplies(request: ApprovalRequest): boolean {
    return request.status === 'pending' && request.round === this.round && request.currentStep === this.step;
  }

  fire(now: Date): void {
    if (this.state !== 'scheduled') throw new Error(`timer ${this.id} is ${this.state}`);
    this.state = 'fired';
    this.endedAt = now;
  }

  /** The step was decided (or the round ended) before it was due. False when it had already ended. */
  cancel(now: Date): boolean {
    if (this.state !== 'scheduled') return false;
    this.state = 'cancelled';
    this.endedAt = now;
    return true;
  }
}

/**
 * The timers a step of a round gets, from the rules that put its groups on the route, counted in
 * business hours from when the step started: the earliest reminder and the earliest escalation of
 * those rules (escalating as the rule with the earliest escalation says). None when no rule of the
 * step has an `escalation` (or a rule is gone from the policy since: its timing went with it).
 */
export function stepTimers(request: ApprovalRequest, rules: readonly PolicyRule[], business: BusinessHours, startedAt: Date): Array<{ kind: TimerKind; dueAt: Date; escalateTo: RuleEscalation['escalateTo'] | null }> {
  const ruleIds = new Set((request.route.steps[request.currentStep]?.groups ?? []).flatMap((g) => g.ruleIds));
  const timing = rules.filter((r) => ruleIds.has(r.id) && r.escalation).map((r) => r.escalation!);
  const earliest = (hours: Array<number | null>) => {
    const given = hours.filter((h): h is number => h !== null);
    return given.length ? Math.min(...given) : null;
  };
  const timers: Array<{ kind: TimerKind; dueAt: Date; escalateTo: RuleEscalation['escalateTo'] | null }> = [];
  const remind = earliest(timing.map((t) => t.remindAfterHours));
  if (remind !== null) timers.push({ kind: 'remind', dueAt: addBusinessHours(startedAt, remind, business), escalateTo: null });
  const escalate = earliest(timing.map((t) => t.escalateAfterHours));
  if (escalate !== null) {
    const by = timing.find((t) => t.escalateAfterHours === escalate)!;
    timers.push({ kind: 'escalate', dueAt: addBusinessHours(startedAt, escalate, business), escalateTo: by.escalateTo });
  }
  return timers;
}

/**
 * Whom an escalation of the current step goes to: with `manager`, the managers ("reports to") of
 * the approvers still waiting in it; with `fallback`, or when none of those managers may approve
 * (inactive, not a manager or admin, the quote's owner or submitter), the account's fallback
 * approver. Empty when nobody may.
 */
export function escalationTargets(request: ApprovalRequest, org: OrgDirectory, escalateTo: RuleEscalation['escalateTo'], fallbackId: string | null): string[] {
  const mayApprove = (id: string | null | undefined): id is string => {
    const member = id ? org.get(id) : undefined;
    return !!member && member.active && (member.role === 'manager' || member.role === 'admin') && id !== request.ownerId && id !== request.submittedBy;
  };
  const step = request.currentStep;
  const waiting = (request.route.steps[step]?.groups ?? [])
    .filter((g) => request.groupState(step, g) === 'pending')
    .flatMap((g) => g.approverIds)
    .filter((id) => !request.decisions.some((d) => d.approverId === id && (d.step ?? 0) === step));
  const current = new Set(waiting);
  const managers = escalateTo === 'manager' ? [...new Set(waiting.map((id) => org.get(id)?.reportsTo))].filter((id): id is string => mayApprove(id) && !current.has(id)) : [];
  if (managers.length) return managers;
  return mayApprove(fallbackId) && !current.has(fallbackId) ? [fallbackId] : [];
}
