// From the policy to a quote's route, at submit: which rules match, their steps merged, and each
// approver group resolved to users from the org as it is at that moment. The owner and whoever
// submits never approve their own quote: a manager chain moves one level up past them, and a group
// left with nobody goes to the account's fallback approver; the route says so in its notes.
import { routeApprovers, routeIsComplete, type ApprovalRoute, type ApprovalVerdict, type ApproverRef, type ResolutionNote, type RouteGroup, type SkipCause } from '@qa/approvals-contracts';
import { matchingRules, plannedSteps, type ApprovalPolicyState, type PlannedGroup } from './approval-policy';
import type { RoutingFacts } from './conditions';

/** A user as routing sees them (from identity, at submit). */
export interface OrgMember {
  id: string;
  role: string;
  active: boolean;
  team: string | null;
  reportsTo: string | null;
}

export type OrgDirectory = ReadonlyMap<string, OrgMember>;

const NOT_REQUIRED: ApprovalVerdict = { required: false, route: null, approverIds: [], complete: true };

/** Whether a quote needs approval under this policy (version `policyVersion`), and its route resolved against the org. */
export function routeQuote(policy: ApprovalPolicyState, policyVersion: number, facts: RoutingFacts, org: OrgDirectory): ApprovalVerdict {
  const matches = matchingRules(policy, facts);
  let planned: PlannedGroup[][];
  let rules: ApprovalRoute['rules'];
  if (matches.length) {
    planned = plannedSteps(matches);
    // What each rule watches is frozen with the route (only when it watches something: absent = any change).
    rules = matches.map(({ rule, reasons }) => ({ ruleId: rule.id, ruleName: rule.name, reasons, ...(rule.watchedFields?.length ? { watchedFields: [...rule.watchedFields] } : {}) }));
  } else if (policy.requireApproval && policy.defaultApproverId) {
    planned = [[{ approvers: [{ kind: 'user', userId: policy.defaultApproverId }], mode: 'any', ruleIds: [] }]];
    rules = [{ ruleId: '', ruleName: '', reasons: [{ code: 'all-quotes' }] }];
  } else return NOT_REQUIRED;
  const resolver = new Resolver(org, facts, policy.defaultApproverId);
  const route: ApprovalRoute = { policyVersion, steps: planned.map((groups) => ({ groups: groups.map((g) => resolver.group(g)) })), rules };
  return { required: true, route, approverIds: routeApprovers(route), complete: routeIsComplete(route) };
}

class Resolver {
  constructor(
    private readonly org: OrgDirectory,
    private readonly facts: RoutingFacts,
    private readonly fallbackId: string | null,
  ) {}

  /** Why this user may not approve this quote; null when they may. */
  private cause(id: string): SkipCause | null {
    if (id === this.facts.ownerId) return 'owner';
    if (this.facts.submittedBy && id === this.facts.submittedBy) return 'submitter';
    const member = this.org.get(id);
    if (!member || !member.active) return 'inactive';
    if (member.role !== 'manager' && member.role !== 'admin') return 'not-approver';
    return null;
  }

  group(planned: PlannedGroup): RouteGroup {
    const notes: ResolutionNote[] = [];
    const ids = new Set<string>();
    let lastCause: SkipCause = 'none';
    for (const ref of planned.approvers) {
      const resolved = this.ref(ref, notes);
      for (const id of resolved.ids) ids.add(id);
      if (resolved.cause) lastCause = resolved.cause;
    }
    if (ids.size === 0) {
      const fallback = this.fallbackId;
      if (fallback && !this.cause(fallback)) {
        ids.add(fallback);
        notes.push({ code: 'fallback', because: lastCause, to: fallback });
      } else notes.push({ code: 'unresolved', because: lastCause });
    }
    return { approverIds: [...ids], mode: planned.mode, refs: planned.approvers, ruleIds: planned.ruleIds, notes };
  }

  /** The users one reference names who may approve; `cause`: why one it named may not (when none may). */
  private ref(ref: ApproverRef, notes: ResolutionNote[]): { ids: string[]; cause: SkipCause | null } {
    switch (ref.kind) {
      case 'user':
        return this.only([ref.userId]);
      case 'role':
        return this.only([...this.org.values()].filter((m) => m.role === ref.role).map((m) => m.id));
      case 'team': {
        const team = ref.team.toLowerCase();
        return this.only([...this.org.values()].filter((m) => m.team?.toLowerCase() === team).map((m) => m.id));
      }
      case 'field': {
        const id = ref.field === 'dealOwner' ? this.facts.dealOwnerId : this.facts.companyOwnerId;
        return this.only(id ? [id] : []);
      }
      case 'manager':
        return this.manager(ref.levels, notes);
    }
  }

  private only(candidates: string[]): { ids: string[]; cause: SkipCause | null } {
    const ids: string[] = [];
    let cause: SkipCause | null = candidates.length ? null : 'none';
    for (const id of candidates) {
      const why = this.cause(id);
      if (why) cause = why;
      else ids.push(id);
    }
    return { ids, cause: ids.length ? null : cause };
  }

  /** N levels up the owner's "reports to" chain; past anyone who may not approve, one level further, saying so. */
  private manager(levels: number, notes: ResolutionNote[]): { ids: string[]; cause: SkipCause | null } {
    const seen = new Set<string>([this.facts.ownerId]);
    let current: string | null = this.facts.ownerId;
    for (let i = 0; i < levels && current; i++) current = this.up(current, seen);
    if (!current) return { ids: [], cause: 'none' };
    for (;;) {
      const why = this.cause(current);
      if (!why) return { ids: [current], cause: null };
      const next = this.up(current, seen);
      if (!next) return { ids: [], cause: why };
      notes.push({ code: 'moved-up', skipped: current, because: why, to: next });
      current = next;
    }
  }

  /** Whom this user reports to; null at the top, for an unknown user, and on a loop. */
  private up(id: string, seen: Set<string>): string | null {
    const next = this.org.get(id)?.reportsTo ?? null;
    if (!next || seen.has(next)) return null;
    seen.add(next);
    return next;
  }
}
