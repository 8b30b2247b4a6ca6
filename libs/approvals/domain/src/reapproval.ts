// Smart re-approval: when a quote is submitted again, which approvals of the previous round still
// stand. A group of the new route keeps its approval when the previous round has the same group
// (same step, rules, mode and approvers named) and it approved there, and none of the quote fields
// its rules watch changed since. A rule that watches nothing asks again on any change.
import type { ApprovalRoute, RouteGroup, WatchableField } from '@qa/approvals-contracts';
import type { ApprovalRequest, Decision, QuoteSnapshot } from './approval-request';

/** The round a resubmission follows: only one that ended without approval hands approvals on. */
export type PreviousRound = Pick<ApprovalRequest, 'round' | 'status' | 'route' | 'decisions' | 'snapshot' | 'groupState'>;

/** The new round as opened: its route, the quote as submitted now, and who may never approve it. */
export interface NextRound {
  route: ApprovalRoute;
  snapshot: QuoteSnapshot;
  ownerId: string;
  submittedBy: string | null;
}

type Line = QuoteSnapshot['lines'][number];

const linesDiffer = (a: Line, b: Line) => a.productName !== b.productName || a.quantity !== b.quantity || a.unitPrice !== b.unitPrice || a.billingPeriod !== b.billingPeriod;

/**
 * The watchable fields that differ between two snapshots of a quote. A field the earlier snapshot
 * does not have (taken before it was kept) and the later one has counts as changed.
 */
export function changedFields(before: QuoteSnapshot, after: QuoteSnapshot): Set<WatchableField> {
  const changed = new Set<WatchableField>();
  const same: Array<[WatchableField, unknown, unknown]> = [
    ['total', before.total, after.total],
    ['quoteDiscount', before.quoteDiscount, after.quoteDiscount],
    ['currency', before.currency, after.currency],
    ['title', before.title, after.title],
    ['expiresOn', before.expiresOn, after.expiresOn],
    ['paymentTerms', before.paymentTermsDays, after.paymentTermsDays],
    ['company', before.companyId, after.companyId],
    ['deal', before.dealId, after.dealId],
  ];
  for (const [field, a, b] of same) if (a !== b) changed.add(field);
  const previous = new Map(before.lines.map((l) => [l.id, l]));
  const next = new Map(after.lines.map((l) => [l.id, l]));
  if (previous.size !== next.size || [...next].some(([id, line]) => !previous.has(id) || linesDiffer(previous.get(id)!, line))) changed.add('lines');
  const discountOf = (lines: Map<string, Line>, id: string) => lines.get(id)?.discount ?? null;
  if ([...new Set([...previous.keys(), ...next.keys()])].some((id) => discountOf(previous, id) !== discountOf(next, id))) changed.add('lineDiscounts');
  return changed;
}

/** What the rules of a group watch together; null when one of them watches nothing (or is not on the route): any change asks again. */
export function watchedByGroup(route: ApprovalRoute, group: RouteGroup): WatchableField[] | null {
  if (group.ruleIds.length === 0) return null;
  const watched = new Set<WatchableField>();
  for (const ruleId of group.ruleIds) {
    const fields = route.rules.find((r) => r.ruleId === ruleId)?.watchedFields ?? [];
    if (fields.length === 0) return null;
    for (const field of fields) watched.add(field);
  }
  return [...watched];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameGroup = (a: RouteGroup, b: RouteGroup) => a.mode === b.mode && sameSet(a.ruleIds, b.ruleIds) && JSON.stringify(a.refs) === JSON.stringify(b.refs);

/**
 * The approvals of the previous round the new one keeps, as decisions of the new round's steps
 * marked `carriedFromRound` (the round they were made in; approver, time and notes as they were).
 * A group is carried when its rules watch fields and none changed, the previous round's same group
 * at the same step approved, and its approvers who approved may still approve this round
 * (`eligible`: active managers and admins now; never the owner or whoever submitted it) and complete
 * the group (any: one of them; all: every approver the group has now).
 */
export function carriedDecisions(previous: PreviousRound, next: NextRound, eligible: ReadonlySet<string>): Decision[] {
  if (previous.status !== 'changes_requested' && previous.status !== 'cancelled') return [];
  const changed = changedFields(previous.snapshot, next.snapshot);
  const carried: Decision[] = [];
  next.route.steps.forEach((step, i) => {
    const before = previous.route.steps[i];
    if (!before) return;
    const kept = new Map<RouteGroup, Decision[]>();
    for (const group of step.groups) {
      const decisions = keptForGroup(previous, next, eligible, changed, i, before.groups, group);
      if (decisions) kept.set(group, decisions);
    }
    // An approval counts for every group of its step the approver is in: keep none that would
    // also complete a group asked again.
    for (let dropped = true; dropped; ) {
      dropped = false;
      for (const [group, decisions] of kept) {
        const askedAgain = step.groups.filter((g) => !kept.has(g));
        if (decisions.some((d) => askedAgain.some((g) => g.approverIds.includes(d.approverId)))) {
          kept.delete(group);
          dropped = true;
        }
      }
    }
    const decisions = new Set([...kept.values()].flat());
    for (const d of decisions) carried.push({ ...d, step: i, carriedFromRound: d.carriedFromRound ?? previous.round });
  });
  return carried;
}

function keptForGroup(previous: PreviousRound, next: NextRound, eligible: ReadonlySet<string>, changed: Set<WatchableField>, step: number, before: RouteGroup[], group: RouteGroup): Decision[] | null {
  const watched = watchedByGroup(next.route, group);
  if (!watched || watched.some((field) => changed.has(field))) return null;
  const same = before.find((g) => sameGroup(g, group));
  if (!same || previous.groupState(step, same) !== 'approved') return null;
  const mayApprove = (id: string) => eligible.has(id) && id !== next.ownerId && id !== next.submittedBy && group.approverIds.includes(id);
  const decisions = previous.decisions.filter((d) => (d.step ?? 0) === step && d.decision === 'approve' && same.approverIds.includes(d.approverId) && mayApprove(d.approverId));
  const complete = group.mode === 'any' ? decisions.length > 0 : group.approverIds.every((id) => decisions.some((d) => d.approverId === id));
  return complete ? decisions : null;
}
