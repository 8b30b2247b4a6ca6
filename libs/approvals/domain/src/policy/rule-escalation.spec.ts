import { DomainError } from '@qa/shared-kernel';
import { describe, expect, it } from 'vitest';
import { checkPolicy, type ApprovalPolicyState, type PolicyRule } from './approval-policy';
import { DEFAULT_BUSINESS_HOURS } from './business-hours';

const APPROVERS = new Set(['m1']);
const rule = (escalation: unknown): PolicyRule => ({ id: 'r1', name: 'Big', when: [], route: [{ groups: [{ mode: 'any', approvers: [{ kind: 'user', userId: 'm1' }] }] }], firstMatchOnly: false, escalation: escalation as PolicyRule['escalation'] });
const policy = (rules: PolicyRule[], extra: Partial<ApprovalPolicyState> = {}): ApprovalPolicyState => ({ requireApproval: false, defaultApproverId: null, rules, ...extra });
const field = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return (error.details as { fields: Array<{ field: string }> }).fields[0]!.field;
  }
};

describe('a rule’s reminders and escalation, as saved', () => {
  it('keeps them, escalating to the manager unless told otherwise', () => {
    const [checked] = checkPolicy(policy([rule({ remindAfterHours: 4, escalateAfterHours: 8.5 })]), APPROVERS).rules;
    expect(checked!.escalation).toEqual({ remindAfterHours: 4, escalateAfterHours: 8.5, escalateTo: 'manager' });
    const [fallback] = checkPolicy(policy([rule({ remindAfterHours: null, escalateAfterHours: 2, escalateTo: 'fallback' })]), APPROVERS).rules;
    expect(fallback!.escalation).toEqual({ remindAfterHours: null, escalateAfterHours: 2, escalateTo: 'fallback' });
  });

  it('drops an escalation with neither a reminder nor an escalation', () => {
    const [checked] = checkPolicy(policy([rule({ remindAfterHours: null, escalateAfterHours: null })]), APPROVERS).rules;
    expect(checked).not.toHaveProperty('escalation');
  });

  it.each([
    [{ remindAfterHours: 0 }, 'rules.0.escalation.remindAfterHours'],
    [{ remindAfterHours: 0.1 }, 'rules.0.escalation.remindAfterHours'],
    [{ remindAfterHours: '4' }, 'rules.0.escalation.remindAfterHours'],
    [{ escalateAfterHours: 501 }, 'rules.0.escalation.escalateAfterHours'],
    [{ remindAfterHours: 8, escalateAfterHours: 8 }, 'rules.0.escalation.escalateAfterHours'],
    [{ escalateAfterHours: 8, escalateTo: 'ceo' }, 'rules.0.escalation.escalateTo'],
    [[4], 'rules.0.escalation'],
  ])('refuses %j, naming %s', (escalation, expected) => {
    expect(field(() => checkPolicy(policy([rule(escalation)]), APPROVERS))).toBe(expected);
  });
});

describe('business hours, as saved with the policy', () => {
  it('are the defaults when not given and kept when valid', () => {
    expect(checkPolicy(policy([]), APPROVERS).businessHours).toEqual(DEFAULT_BUSINESS_HOURS);
    const week = { timeZone: 'America/New_York', days: [1, 2, 3, 4], start: '08:00', end: '16:00' };
    expect(checkPolicy(policy([], { businessHours: week }), APPROVERS).businessHours).toEqual(week);
  });

  it('name the wrong field', () => {
    expect(field(() => checkPolicy(policy([], { businessHours: { timeZone: 'Nowhere/Town', days: [1], start: '09:00', end: '17:00' } }), APPROVERS))).toBe('businessHours.timeZone');
  });
});
