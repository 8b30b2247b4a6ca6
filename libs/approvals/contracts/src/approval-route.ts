// The route of an approval round, as approvals resolves it at submit and every context may read it:
// steps in order, each with approver groups that run in parallel, each group with the users it
// resolved to and why. Reasons and notes are codes with parameters: clients put them in words.
import type { WatchableField } from './watched-fields';

/** Who a route step asks, as an admin wrote it in a rule. */
export type ApproverRef =
  | { kind: 'user'; userId: string }
  /** Every active user with this role. */
  | { kind: 'role'; role: 'manager' | 'admin' }
  /** Every active manager or admin in this team. */
  | { kind: 'team'; team: string }
  /** The quote owner's manager (`levels` 1), or further up the "reports to" chain. */
  | { kind: 'manager'; levels: number }
  /** The user named in a field of the quote's deal or company. */
  | { kind: 'field'; field: ApproverField };

export const APPROVER_FIELDS = ['dealOwner', 'companyOwner'] as const;
export type ApproverField = (typeof APPROVER_FIELDS)[number];

/** Why a rule matched: one condition that held, with the quote's own value. */
export type RouteReason =
  | {
      code: 'condition';
      field: string;
      /** quoteProperty: the property's name. */
      property?: string;
      operator: string;
      /** What the rule compares with (money as a decimal text in `currency`). */
      expected: unknown;
      /** The quote's value (money as a decimal text in `currency`; null when the quote has none). */
      actual: unknown;
      currency?: string;
    }
  /** A rule without conditions: every quote. */
  | { code: 'always' }
  /** No rule matched and the account requires approval on all quotes. */
  | { code: 'all-quotes' }
  /** Written before reasons were codes (kept as it was shown then). */
  | { code: 'legacy'; text: string };

/** Why a group's approvers differ from what its rule names. */
export type ResolutionNote =
  /** The person resolved (`skipped`) could not approve (`because`), so the chain moved one level up to `to`. */
  | { code: 'moved-up'; skipped: string | null; because: SkipCause; to: string }
  /** Nobody the rule names could approve (`because`): the account's fallback approver does. */
  | { code: 'fallback'; because: SkipCause; to: string }
  /** Nobody could approve, not even a fallback approver: the quote cannot be submitted until an admin fixes the policy. */
  | { code: 'unresolved'; because: SkipCause };

/** owner/submitter: they never approve their own quote; inactive/not-approver: they may not approve now; none: nobody is named (no manager, empty team). */
export type SkipCause = 'owner' | 'submitter' | 'inactive' | 'not-approver' | 'none';

export interface RouteGroup {
  /** The users this group resolved to at submit (empty only when unresolved). */
  approverIds: string[];
  /** any: one of them approves for the group; all: each of them. */
  mode: 'any' | 'all';
  refs: ApproverRef[];
  /** The rules that put this group on the route. */
  ruleIds: string[];
  notes: ResolutionNote[];
}

export interface RouteStep {
  /** All groups complete: the step completes. */
  groups: RouteGroup[];
}

export interface RouteRuleMatch {
  ruleId: string;
  ruleName: string;
  /** The conditions that held (one group of them). */
  reasons: RouteReason[];
  /**
   * The quote fields the rule watches, frozen with the route: on resubmission its groups keep their
   * approval while none of these changed. Absent (or empty): any change asks again.
   */
  watchedFields?: WatchableField[];
}

/** A route resolved at submit: frozen with the round, whatever the policy says later. */
export interface ApprovalRoute {
  /** The version of the approval policy that routed it (0: before versions were kept). */
  policyVersion: number;
  steps: RouteStep[];
  rules: RouteRuleMatch[];
}

/** Every user on the route, once, in route order. */
export function routeApprovers(route: ApprovalRoute): string[] {
  return [...new Set(route.steps.flatMap((s) => s.groups.flatMap((g) => g.approverIds)))];
}

/** The approvers of one step (0-based), once each. */
export function stepApprovers(route: ApprovalRoute, step: number): string[] {
  return [...new Set((route.steps[step]?.groups ?? []).flatMap((g) => g.approverIds))];
}

/** Whether every group of every step has someone to approve it. */
export function routeIsComplete(route: ApprovalRoute): boolean {
  return route.steps.length > 0 && route.steps.every((s) => s.groups.length > 0 && s.groups.every((g) => g.approverIds.length > 0));
}

/** The steps (1 = first) with a group nobody can approve. */
export function unresolvedSteps(route: ApprovalRoute): number[] {
  return route.steps.flatMap((s, i) => (s.groups.length === 0 || s.groups.some((g) => g.approverIds.length === 0) ? [i + 1] : []));
}

/**
 * Something that happened to a step of an open round besides decisions, in order: who it went to
 * instead of whom (delegated, reassigned, fallback), who was added beside its approvers
 * (escalated), or a reminder. Codes only: clients put them in words.
 */
export interface StepActivity {
  kind: 'delegated' | 'reassigned' | 'escalated' | 'fallback' | 'reminded';
  /** The step (0-based). */
  step: number;
  /** The approver whose place it takes (delegated, reassigned, fallback); null otherwise. */
  from: string | null;
  /** Who it went to (delegated, reassigned, escalated, fallback); null for a reminder. */
  to: string | null;
  /** Who did it; null: the system (a timer, a delegation, a deactivation). */
  by: string | null;
  /** A note for people (reassignment), or null. */
  note: string | null;
  /** Why, as a code (e.g. escalated: 'no-decision'; fallback: 'inactive'), or null. */
  reason: string | null;
  at: string;
}

/** Where a step, a group or an approver of a round's route stands. */
export type GroupState = 'waiting' | 'pending' | 'approved' | 'changes_requested' | 'cancelled';
/** An approver's: also not needed (another approved for their any-one group). */
export type ApproverState = GroupState | 'not_needed';

/** A route as a timeline: each step and group with its state, each approver with theirs and when. */
export interface RouteTimeline {
  policyVersion: number;
  /** 1 = first; null once the round is over (and for a route not under way). */
  currentStep: number | null;
  rules: RouteRuleMatch[];
  steps: Array<{
    step: number;
    state: GroupState;
    groups: Array<
      Omit<RouteGroup, 'approverIds'> & {
        state: GroupState;
        /**
         * carriedFromRound: the approval was kept from that earlier round (none of the watched fields changed); null otherwise.
         * decidedBy: present when someone else decided in this approver's place (a delegate or the fallback approver, "on behalf of").
         */
        approvers: Array<{ userId: string; state: ApproverState; at: string | null; notes: string | null; carriedFromRound: number | null; decidedBy?: string }>;
      }
    >;
  }>;
}

/** A route not under way yet (a preview): every step, group and approver waiting. */
export function waitingTimeline(route: ApprovalRoute): RouteTimeline {
  return {
    policyVersion: route.policyVersion,
    currentStep: null,
    rules: route.rules,
    steps: route.steps.map((step, i) => ({
      step: i + 1,
      state: 'waiting',
      groups: step.groups.map(({ approverIds, ...group }) => ({ ...group, state: 'waiting', approvers: approverIds.map((userId) => ({ userId, state: 'waiting', at: null, notes: null, carriedFromRound: null })) })),
    })),
  };
}
