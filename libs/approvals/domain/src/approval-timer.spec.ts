import type { ApprovalRoute, RouteGroup } from '@qa/approvals-contracts';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from './approval-request';
import { ApprovalTimer, escalationTargets, stepTimers } from './approval-timer';
import type { PolicyRule } from './policy/approval-policy';
import { DEFAULT_BUSINESS_HOURS } from './policy/business-hours';
import type { OrgDirectory, OrgMember } from './policy/route-resolution';

const group = (approverIds: string[], mode: 'any' | 'all' = 'any', ruleIds = ['r1']): RouteGroup => ({ approverIds, mode, refs: approverIds.map((userId) => ({ kind: 'user', userId })), ruleIds, notes: [] });
const route = (...steps: RouteGroup[][]): ApprovalRoute => ({ policyVersion: 3, steps: steps.map((groups) => ({ groups })), rules: [{ ruleId: 'r1', ruleName: 'Big discounts', reasons: [{ code: 'always' }] }] });
const START = new Date('2026-12-01T08:00:00Z'); // Tuesday 09:00 in Amsterdam
const open = (r: ApprovalRoute) => {
  const request = ApprovalRequest.open({ quoteId: 'q1', quoteVersion: 2, round: 1, ownerId: 'rep', submittedBy: 'rep', route: r, snapshot: { title: 'Q', currency: 'EUR', total: '1.00', quoteDiscount: null, lines: [] }, now: START });
  request.pullEvents();
  return request;
};
const ok = (id: string) => ({ id, eligible: true });
const rule = (id: string, escalation: PolicyRule['escalation']): PolicyRule => ({ id, name: id, when: [], route: [], firstMatchOnly: false, escalation });
const member = (id: string, role: string, reportsTo: string | null, active = true): [string, OrgMember] => [id, { id, role, active, team: null, reportsTo }];
const org: OrgDirectory = new Map([
  member('rep', 'rep', 'm1'),
  member('m1', 'manager', 'boss'),
  member('m2', 'manager', 'boss'),
  member('m3', 'manager', 'gone'),
  member('boss', 'admin', null),
  member('gone', 'manager', null, false),
  member('fallback', 'admin', null),
]);

describe('step timers', () => {
  it('takes the earliest reminder and escalation of the rules of the current step, in business hours from its start', () => {
    const request = open(route([group(['m1'], 'any', ['r1']), group(['m2'], 'any', ['r2'])]));
    const rules = [rule('r1', { remindAfterHours: 8, escalateAfterHours: 16, escalateTo: 'manager' }), rule('r2', { remindAfterHours: 4, escalateAfterHours: 24, escalateTo: 'fallback' }), rule('r3', { remindAfterHours: 1, escalateAfterHours: 2, escalateTo: 'fallback' })];
    expect(stepTimers(request, rules, DEFAULT_BUSINESS_HOURS, START)).toEqual([
      // Tuesday 09:00 + 4 business hours = 13:00 local; + 16 = Thursday 09:00 local.
      { kind: 'remind', dueAt: new Date('2026-12-01T12:00:00Z'), escalateTo: null },
      { kind: 'escalate', dueAt: new Date('2026-12-02T16:00:00Z'), escalateTo: 'manager' },
    ]);
  });

  it('has none when no rule of the step says when (or its rule is gone)', () => {
    const request = open(route([group(['m1'], 'any', ['r1'])], [group(['m2'], 'any', ['r2'])]));
    expect(stepTimers(request, [rule('r2', { remindAfterHours: 2, escalateAfterHours: null, escalateTo: 'manager' })], DEFAULT_BUSINESS_HOURS, START)).toEqual([]);
    expect(stepTimers(request, [], DEFAULT_BUSINESS_HOURS, START)).toEqual([]);
  });

  it('fires only when due and scheduled, and applies only while the round stands at its step', () => {
    const request = open(route([group(['m1'])], [group(['m2'])]));
    const timer = ApprovalTimer.schedule({ requestId: request.id, round: 1, step: 0, kind: 'remind', escalateTo: null, dueAt: new Date('2026-12-01T12:00:00Z'), now: START });
    expect(timer.isDue(new Date('2026-12-01T11:59:59Z'))).toBe(false);
    expect(timer.isDue(new Date('2026-12-01T12:00:00Z'))).toBe(true);
    expect(timer.stillApplies(request)).toBe(true);
    request.decide(ok('m1'), 1, 'approve', null);
    expect(timer.stillApplies(request)).toBe(false);
    expect(timer.cancel(START)).toBe(true);
    expect(timer.isDue(new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(timer.cancel(START)).toBe(false);
    expect(() => timer.fire(START)).toThrow(/cancelled/);
  });
});

describe('escalation', () => {
  it("goes to the waiting approvers' managers, not to those who decided or may not approve", () => {
    const request = open(route([group(['m1', 'm2', 'm3'], 'all')]));
    request.decide(ok('m2'), 1, 'approve', null);
    // m1 → boss; m3 → gone (inactive): boss only.
    expect(escalationTargets(request, org, 'manager', 'fallback')).toEqual(['boss']);
  });

  it('goes to the fallback approver when asked, or when no manager may approve', () => {
    expect(escalationTargets(open(route([group(['m1'])])), org, 'fallback', 'fallback')).toEqual(['fallback']);
    expect(escalationTargets(open(route([group(['m3'])])), org, 'manager', 'fallback')).toEqual(['fallback']);
    // Nobody: no fallback, or the fallback is the quote's owner.
    expect(escalationTargets(open(route([group(['m3'])])), org, 'manager', null)).toEqual([]);
    expect(escalationTargets(open(route([group(['m3'])])), org, 'manager', 'rep')).toEqual([]);
  });

  it('adds them beside the approvers, who can still decide; one of them approving completes an all-of group', () => {
    const request = open(route([group(['m1', 'm2'], 'all')], [group(['m3'])]));
    const at = new Date('2026-12-03T08:00:00Z');
    expect(request.escalate(0, ['boss'], at)).toBe(true);
    expect(request.route.steps[0]!.groups[0]!.approverIds).toEqual(['m1', 'm2', 'boss']);
    expect(request.approverIds).toContain('boss');
    expect(request.approversNow()).toEqual(['m1', 'm2', 'boss']);
    expect(request.activity).toEqual([{ kind: 'escalated', step: 0, from: null, to: 'boss', by: null, note: null, reason: 'no-decision', at: at.toISOString() }]);
    const [event] = request.pullEvents();
    expect(event).toMatchObject({ name: 'approvals.request.escalated.v1', payload: { step: 1, approverIds: ['m1', 'm2', 'boss'], activity: { to: 'boss' } } });
    request.decide(ok('boss'), 1, 'approve', null);
    expect(request.currentStep).toBe(1);
  });

  it('leaves an all-of group to its own approvers when the escalated one does not decide', () => {
    const request = open(route([group(['m1', 'm2'], 'all')]));
    request.escalate(0, ['boss']);
    request.decide(ok('m1'), 1, 'approve', null);
    expect(request.status).toBe('pending');
    request.decide(ok('m2'), 1, 'approve', null);
    expect(request.status).toBe('approved');
  });

  it('does nothing once the round has left the step, and says so when nobody could be added', () => {
    const request = open(route([group(['m1'])], [group(['m2'])]));
    request.decide(ok('m1'), 1, 'approve', null);
    request.pullEvents();
    expect(request.escalate(0, ['boss'])).toBe(false);
    expect(request.activity).toEqual([]);
    expect(request.escalate(1, [])).toBe(true);
    expect(request.activity).toMatchObject([{ kind: 'escalated', step: 1, to: null, reason: 'nobody' }]);
    expect(request.pullEvents()).toEqual([]);
  });

  it('never adds the quote owner or submitter', () => {
    const request = open(route([group(['m1'])]));
    request.escalate(0, ['rep']);
    expect(request.route.steps[0]!.groups[0]!.approverIds).toEqual(['m1']);
    expect(request.activity).toMatchObject([{ kind: 'escalated', to: null, reason: 'nobody' }]);
  });
});

describe('reminders', () => {
  it('records a reminder of the current step by the timer (no one), with no cooldown', () => {
    const request = open(route([group(['m1'])]));
    const at = new Date('2026-12-01T12:00:00Z');
    request.remind(null, 1, at);
    request.remind(null, 1, at);
    expect(request.activity).toEqual([
      { kind: 'reminded', step: 0, from: null, to: null, by: null, note: null, reason: null, at: at.toISOString() },
      { kind: 'reminded', step: 0, from: null, to: null, by: null, note: null, reason: null, at: at.toISOString() },
    ]);
    expect(request.pullEvents()).toMatchObject([
      { name: 'approvals.request.reminded.v1', payload: { approverIds: ['m1'], activity: { kind: 'reminded', by: null } } },
      { name: 'approvals.request.reminded.v1' },
    ]);
  });
});
